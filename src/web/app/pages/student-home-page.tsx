import { StudentHome } from '../../features/home/components/student-home.js';
import { MyCommonalities } from '../../features/insights/components/my-commonalities.js';
import { StudentKnowSection } from '../../features/know/components/know-home-sections.js';
import { OpenSurveysSection } from '../../features/surveys/components/open-surveys-section.js';

/** A student's home: sections from features, in order; questionnaires join this list. */
export function StudentHomePage({ name }: { name: string }) {
  return (
    <StudentHome
      name={name}
      sections={[
        <OpenSurveysSection key="surveys" />,
        <StudentKnowSection key="know" />,
        <MyCommonalities key="commonalities" />,
      ]}
    />
  );
}
