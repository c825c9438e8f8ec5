// The teacher's home, put together from the home feature (today's classes) and the practice
// feature (who needs them, the repairs waiting, their ratio, today's two-by-ten days), then the
// surveys they can hand out. What the first screen must show comes first (decision 020).
import { TeacherHome } from '../../features/home/components/teacher-home.js';
import { PracticePanel } from '../../features/practice/components/practice-panel.js';
import { OpenSurveysSection } from '../../features/surveys/components/open-surveys-section.js';

export function TeacherHomePage({ name }: { name: string }) {
  return <TeacherHome name={name} practice={<PracticePanel />} more={<OpenSurveysSection />} />;
}
