// Pages that depend on who is signed in. The app composes features; features never look at
// each other, so the role decides here which feature's page to show, and pages made of several
// features' parts are put together here.
import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth/api/get-session.js';
import { CalendarPage } from '../features/calendar/components/calendar-page.js';
import { useClass } from '../features/classes/api/get-class.js';
import { AdminHome } from '../features/home/components/admin-home.js';
import { LeaderHome } from '../features/home/components/leader-home.js';
import { RolePlaceholderHome } from '../features/home/components/role-placeholder-home.js';
import { TeacherHome } from '../features/home/components/teacher-home.js';
import { ClassRatiosPage } from '../features/practice/components/class-ratios-page.js';
import { DyadPage } from '../features/practice/components/dyad-page.js';
import { PracticePanel } from '../features/practice/components/practice-panel.js';
import { RepairReportPage } from '../features/practice/components/repair-report-page.js';
import { RosterPage } from '../features/roster/components/roster-page.js';
import { GapPage } from '../features/survey-reports/components/gap-page.js';
import { ReportPage } from '../features/survey-reports/components/report-page.js';
import {
  ReportsPage,
  SurveyReportsLink,
} from '../features/survey-reports/components/reports-page.js';
import {
  StudentCard,
  StudentCardLead,
  StudentCardSections,
} from '../features/students/components/student-card.js';
import { NotFoundPage } from './not-found-page.js';

export function HomeRoute() {
  const user = useCurrentUser();
  switch (user.role) {
    case 'teacher':
      return (
        <TeacherHome
          name={user.displayName}
          practice={
            <>
              <PracticePanel />
              <SurveyReportsLink />
            </>
          }
        />
      );
    case 'leader':
      return (
        <>
          <LeaderHome />
          <SurveyReportsLink />
        </>
      );
    case 'district_admin':
      return <AdminHome />;
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

const SURVEY_VIEWERS = new Set(['teacher', 'leader', 'district_admin']);

/** Survey results: teachers (their classes), leaders (their school), district admins. */
export function SurveyReportsRoute() {
  const user = useCurrentUser();
  if (!SURVEY_VIEWERS.has(user.role)) return <NotFoundPage />;
  return <ReportsPage />;
}

export function SurveyReportRoute() {
  const user = useCurrentUser();
  const { administrationId = '', scope = '', scopeId = '' } = useParams();
  if (!SURVEY_VIEWERS.has(user.role)) return <NotFoundPage />;
  return (
    <ReportPage
      key={`${administrationId}/${scope}/${scopeId}`}
      administrationId={administrationId}
      scope={scope}
      scopeId={scopeId}
    />
  );
}

/** The perception gap: the class's teacher only. */
export function SurveyGapRoute() {
  const user = useCurrentUser();
  const { administrationId = '', classId = '' } = useParams();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <GapPage key={classId} administrationId={administrationId} classId={classId} />;
}
