// Pages that depend on who is signed in. The app composes features; features never look at
// each other, so the role decides here which feature's page to show, and pages made of several
// features' parts are put together here.
import { useParams } from 'react-router';
import { useCurrentUser, useSession } from '../features/auth/api/get-session.js';
import { CalendarPage } from '../features/calendar/components/calendar-page.js';
import { useClass } from '../features/classes/api/get-class.js';
import { AdminHome } from '../features/home/components/admin-home.js';
import { LeaderHome } from '../features/home/components/leader-home.js';
import { RolePlaceholderHome } from '../features/home/components/role-placeholder-home.js';
import { StudentHome } from '../features/home/components/student-home.js';
import { TeacherHome } from '../features/home/components/teacher-home.js';
import { ClassRatiosPage } from '../features/practice/components/class-ratios-page.js';
import { DyadPage } from '../features/practice/components/dyad-page.js';
import { PracticePanel } from '../features/practice/components/practice-panel.js';
import { RepairReportPage } from '../features/practice/components/repair-report-page.js';
import { RosterPage } from '../features/roster/components/roster-page.js';
import {
  StudentCard,
  StudentCardLead,
  StudentCardSections,
} from '../features/students/components/student-card.js';
import { AdministrationsPage } from '../features/surveys/components/administrations-page.js';
import { OpenSurveysSection } from '../features/surveys/components/open-surveys-section.js';
import { TakeSurveyPage } from '../features/surveys/components/take-survey-page.js';
import { Loading } from '../components/ui/loading.js';
import { NotFoundPage } from './not-found-page.js';

export function HomeRoute() {
  const user = useCurrentUser();
  switch (user.role) {
    case 'teacher':
      return <TeacherHome name={user.displayName} practice={<PracticePanel />} />;
    case 'leader':
      return <LeaderHome />;
    case 'district_admin':
      return <AdminHome />;
    case 'student':
      // Sections from features, in order; questionnaires join this list.
      return (
        <StudentHome name={user.displayName} sections={[<OpenSurveysSection key="surveys" />]} />
      );
    default:
      return <RolePlaceholderHome name={user.displayName} role={user.role} />;
  }
}

/**
 * A student's page. For their teacher it is the relationship (the dyad: stage, repair, plans,
 * hard moments) with the card's details; for everyone else, the card. A teacher's practice is
 * private to them, so no other role is shown it.
 */
export function StudentRoute() {
  const user = useCurrentUser();
  const { studentId = '' } = useParams();
  if (user.role !== 'teacher') return <StudentCard showOwnLog={false} />;
  return (
    <DyadPage
      key={studentId}
      studentId={studentId}
      lead={<StudentCardLead studentId={studentId} />}
    >
      <StudentCardSections studentId={studentId} />
    </DyadPage>
  );
}

/** A class's positive moments and corrections: the teacher's own practice. */
export function ClassRatiosRoute() {
  const user = useCurrentUser();
  const { classId = '' } = useParams();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <ClassRatiosWithTitle key={classId} classId={classId} />;
}

function ClassRatiosWithTitle({ classId }: { classId: string }) {
  // The class's title comes from the class view's request (usually already cached).
  const cls = useClass(classId);
  return <ClassRatiosPage classId={classId} classTitle={cls.data?.title ?? null} />;
}

/** "How fast I repair": the teacher's own figures. */
export function RepairReportRoute() {
  const user = useCurrentUser();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <RepairReportPage />;
}

/** Roster imports and exports: district admins only. */
export function RosterRoute() {
  const user = useCurrentUser();
  if (user.role !== 'district_admin') return <NotFoundPage />;
  return <RosterPage />;
}

/** The district's calendar: terms, school days and days off, for district admins. */
export function CalendarRoute() {
  const user = useCurrentUser();
  if (user.role !== 'district_admin') return <NotFoundPage />;
  return <CalendarPage />;
}

/** Surveys a leader (their school) or district admin (all) runs. */
export function SurveysAdminRoute() {
  const user = useCurrentUser();
  if (user.role !== 'leader' && user.role !== 'district_admin') return <NotFoundPage />;
  return <AdministrationsPage today={new Date().toISOString().slice(0, 10)} />;
}

/** Answering a survey: signed in, or through a one-time link's session (no sign-in needed). */
export function TakeSurveyRoute() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  return <TakeSurveyPage signedIn={Boolean(session.data)} />;
}
