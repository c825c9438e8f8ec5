// Pages that depend on who is signed in. The app composes features; features never look at
// each other, so the role decides here which feature's page to show (pages made of several
// features' parts are put together in ./pages). Every page is loaded on first use (lazyPage):
// the first load carries the frame, not a district admin's roster page or the charts.
import { useParams } from 'react-router';
import { useCurrentUser, useSession } from '../features/auth/api/get-session.js';
import { Loading } from '../components/ui/loading.js';
import { lazyPage } from './lazy-page.js';
import { NotFoundPage } from './not-found-page.js';

const TeacherHomePage = lazyPage(() => import('./pages/teacher-home-page.js'), 'TeacherHomePage');
const LeaderHomePage = lazyPage(() => import('./pages/leader-home-page.js'), 'LeaderHomePage');
const StudentHomePage = lazyPage(() => import('./pages/student-home-page.js'), 'StudentHomePage');
const AdminHome = lazyPage(() => import('../features/home/components/admin-home.js'), 'AdminHome');
const RolePlaceholderHome = lazyPage(
  () => import('../features/home/components/role-placeholder-home.js'),
  'RolePlaceholderHome',
);
const ClassesPage = lazyPage(
  () => import('../features/home/components/classes-page.js'),
  'ClassesPage',
);
const StudentCardPage = lazyPage(() => import('./pages/student-page.js'), 'StudentCardPage');
const TeacherStudentPage = lazyPage(() => import('./pages/student-page.js'), 'TeacherStudentPage');
const ClassRatiosWithTitle = lazyPage(
  () => import('./pages/class-ratios-page.js'),
  'ClassRatiosWithTitle',
);
const ProfileEditPage = lazyPage(
  () => import('../features/know/components/profile-edit-page.js'),
  'ProfileEditPage',
);
const QuestionnairePage = lazyPage(
  () => import('../features/know/components/questionnaire-page.js'),
  'QuestionnairePage',
);
const KnowStudentsPage = lazyPage(
  () => import('../features/know/components/know-students-page.js'),
  'KnowStudentsPage',
);
const RepairReportPage = lazyPage(
  () => import('../features/practice/components/repair-report-page.js'),
  'RepairReportPage',
);
const OpenRepairsPage = lazyPage(
  () => import('../features/practice/components/open-repairs-page.js'),
  'OpenRepairsPage',
);
const RosterPage = lazyPage(
  () => import('../features/roster/components/roster-page.js'),
  'RosterPage',
);
const CalendarPage = lazyPage(
  () => import('../features/calendar/components/calendar-page.js'),
  'CalendarPage',
);
const ClassOverviewPage = lazyPage(
  () => import('../features/insights/components/class-overview-page.js'),
  'ClassOverviewPage',
);
const PredictionsPage = lazyPage(
  () => import('../features/insights/components/predictions-page.js'),
  'PredictionsPage',
);
const InsightsPage = lazyPage(
  () => import('../features/insights/components/insights-page.js'),
  'InsightsPage',
);
const AccuracyPage = lazyPage(
  () => import('../features/insights/components/accuracy-page.js'),
  'AccuracyPage',
);
const EquityLensPage = lazyPage(
  () => import('../features/insights/components/equity-lens-page.js'),
  'EquityLensPage',
);
const ReportsPage = lazyPage(
  () => import('../features/survey-reports/components/reports-page.js'),
  'ReportsPage',
);
const ReportPage = lazyPage(
  () => import('../features/survey-reports/components/report-page.js'),
  'ReportPage',
);
const GapPage = lazyPage(
  () => import('../features/survey-reports/components/gap-page.js'),
  'GapPage',
);
const AdministrationsPage = lazyPage(
  () => import('../features/surveys/components/administrations-page.js'),
  'AdministrationsPage',
);
const ManageAdministrationPage = lazyPage(
  () => import('../features/surveys/components/manage-administration-page.js'),
  'ManageAdministrationPage',
);
const ReportSettingsPage = lazyPage(
  () => import('../features/survey-reports/components/report-settings-page.js'),
  'ReportSettingsPage',
);
const TakeSurveyPage = lazyPage(
  () => import('../features/surveys/components/take-survey-page.js'),
  'TakeSurveyPage',
);

export function HomeRoute() {
  const user = useCurrentUser();
  switch (user.role) {
    case 'teacher':
      return <TeacherHomePage name={user.displayName} />;
    case 'leader':
      return <LeaderHomePage schoolId={user.schoolId} />;
    case 'district_admin':
      return <AdminHome />;
    case 'student':
      return <StudentHomePage name={user.displayName} />;
    default:
      return <RolePlaceholderHome name={user.displayName} role={user.role} />;
  }
}

/** Every class the teacher teaches this term. */
export function ClassesRoute() {
  const user = useCurrentUser();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <ClassesPage />;
}

/**
 * A student's page. For their teacher it is the relationship (the dyad: stage, repair, plans,
 * hard moments) with the card's details; for everyone else, the card. A teacher's practice is
 * private to them, so no other role is shown it.
 */
export function StudentRoute() {
  const user = useCurrentUser();
  const { studentId = '' } = useParams();
  if (user.role !== 'teacher') return <StudentCardPage studentId={studentId} />;
  return <TeacherStudentPage key={studentId} studentId={studentId} />;
}

/** The student's own profile: students only. */
export function ProfileRoute() {
  const user = useCurrentUser();
  if (user.role !== 'student') return <NotFoundPage />;
  return <ProfileEditPage />;
}

/** The get-to-know-you questionnaire, answered by a student or by a teacher about themselves. */
export function QuestionnaireRoute() {
  const user = useCurrentUser();
  if (user.role !== 'student' && user.role !== 'teacher') return <NotFoundPage />;
  return <QuestionnairePage respondent={user.role} />;
}

/** A teacher's students with their questionnaires, and the one-time links to hand out. */
export function KnowStudentsRoute() {
  const user = useCurrentUser();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <KnowStudentsPage />;
}

/** A class's positive moments and corrections: the teacher's own practice. */
export function ClassRatiosRoute() {
  const user = useCurrentUser();
  const { classId = '' } = useParams();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <ClassRatiosWithTitle key={classId} classId={classId} />;
}

/** "How fast I repair": the teacher's own figures. */
export function RepairReportRoute() {
  const user = useCurrentUser();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <RepairReportPage />;
}

/** Every repair waiting, oldest first: the teacher's own. */
export function OpenRepairsRoute() {
  const user = useCurrentUser();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <OpenRepairsPage />;
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

/** Every student of a class and what the teacher has in common with each: teachers only. */
export function ClassOverviewRoute() {
  const user = useCurrentUser();
  const { classId = '' } = useParams();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <ClassOverviewPage key={classId} classId={classId} />;
}

/** Predicting a student's answers before the reveal: the teacher's own practice. */
export function PredictionsRoute() {
  const user = useCurrentUser();
  const { studentId = '' } = useParams();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <PredictionsPage key={studentId} studentId={studentId} />;
}

/** The teacher's insights: prediction accuracy and the private equity lens. */
export function InsightsRoute() {
  const user = useCurrentUser();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <InsightsPage />;
}

/** The teacher's prediction accuracy over time. */
export function AccuracyRoute() {
  const user = useCurrentUser();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <AccuracyPage />;
}

/** The teacher's private equity lens: nobody else has this page. */
export function EquityLensRoute() {
  const user = useCurrentUser();
  if (user.role !== 'teacher') return <NotFoundPage />;
  return <EquityLensPage />;
}

const SURVEY_VIEWERS = new Set(['teacher', 'leader', 'district_admin']);

/** Survey results: teachers (their classes), leaders (their school), district admins. */
export function SurveyReportsRoute() {
  const user = useCurrentUser();
  if (!SURVEY_VIEWERS.has(user.role)) return <NotFoundPage />;
  return <ReportsPage />;
}

/** The district's settings for survey results (the minimum group size): district admins. */
export function SurveySettingsRoute() {
  const user = useCurrentUser();
  if (user.role !== 'district_admin') return <NotFoundPage />;
  return <ReportSettingsPage />;
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

/** Surveys a leader (their school) or district admin (all) runs. */
export function SurveysAdminRoute() {
  const user = useCurrentUser();
  if (user.role !== 'leader' && user.role !== 'district_admin') return <NotFoundPage />;
  return <AdministrationsPage today={new Date().toISOString().slice(0, 10)} />;
}

/** One survey a leader or district admin runs: edit, close early, cancel. */
export function ManageSurveyRoute() {
  const user = useCurrentUser();
  const { administrationId = '' } = useParams();
  if (user.role !== 'leader' && user.role !== 'district_admin') return <NotFoundPage />;
  return <ManageAdministrationPage key={administrationId} administrationId={administrationId} />;
}

/** Answering a survey: signed in, or through a one-time link's session (no sign-in needed). */
export function TakeSurveyRoute() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  return <TakeSurveyPage signedIn={Boolean(session.data)} />;
}
