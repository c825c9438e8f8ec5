import { LeaderHome } from '../../features/home/components/leader-home.js';
import { SchoolInsightSettings } from '../../features/insights/components/school-insight-settings.js';
import { SurveyReportsLink } from '../../features/survey-reports/components/reports-page.js';

/** A school leader's home: the school's aggregates, survey results, the school's settings. */
export function LeaderHomePage({ schoolId }: { schoolId: string | null }) {
  return (
    <>
      <LeaderHome />
      <SurveyReportsLink />
      {schoolId ? <SchoolInsightSettings schoolId={schoolId} /> : null}
    </>
  );
}
