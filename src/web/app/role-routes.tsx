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
import { KnowStudentsPage } from '../features/know/components/know-students-page.js';
import {
  StudentKnowSection,
  TeacherKnowLink,
} from '../features/know/components/know-home-sections.js';
import { ProfileEditPage } from '../features/know/components/profile-edit-page.js';
import { QuestionnairePage } from '../features/know/components/questionnaire-page.js';
import { StudentProfilePanel } from '../features/know/components/student-profile-panel.js';
import { ClassRatiosPage } from '../features/practice/components/class-ratios-page.js';
import { DyadPage } from '../features/practice/components/dyad-page.js';
import { PracticePanel } from '../features/practice/components/practice-panel.js';
import { RepairReportPage } from '../features/practice/components/repair-report-page.js';
import { RosterPage } from '../features/roster/components/roster-page.js';
import { GapPage } from '../features/survey-reports/components/gap-page.js';
import { ReportPage } from '../features/survey-reports/components/report-page.js';
import {
  ReportSettingsLink,
  ReportSettingsPage,
} from '../features/survey-reports/components/report-settings-page.js';
import {
  ReportsPage,
  SurveyReportsLink,
} from '../features/survey-reports/components/reports-page.js';
import {
  StudentCard,
  StudentCardLead,
  StudentCardSections,
} from '../features/students/components/student-card.js';
import { AccuracyPage } from '../features/insights/components/accuracy-page.js';
import { ClassOverviewPage } from '../features/insights/components/class-overview-page.js';
import { EquityLensPage } from '../features/insights/components/equity-lens-page.js';
import { InsightsLinks } from '../features/insights/components/insights-links.js';
import { MyCommonalities } from '../features/insights/components/my-commonalities.js';
import { PredictionsPage } from '../features/insights/components/predictions-page.js';
import { SchoolInsightSettings } from '../features/insights/components/school-insight-settings.js';
import { StudentCommonalities } from '../features/insights/components/student-commonalities.js';
import { useStudent } from '../features/students/api/get-student.js';
import {
  AdministrationsPage,
  SurveysAdminLink,
} from '../features/surveys/components/administrations-page.js';
import { ManageAdministrationPage } from '../features/surveys/components/manage-administration-page.js';
import { OpenSurveysSection } from '../features/surveys/components/open-surveys-section.js';
import { TakeSurveyPage } from '../features/surveys/components/take-survey-page.js';
import { Loading } from '../components/ui/loading.js';
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
              <OpenSurveysSection />
              <TeacherKnowLink />
              <InsightsLinks />
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
          {user.schoolId ? <SchoolInsightSettings schoolId={user.schoolId} /> : null}
        </>
      );
    case 'district_admin':
      return <AdminHome />;
    case 'student':
      // Sections from features, in order; questionnaires join this list.
      return (
        <StudentHome
          name={user.displayName}
          sections={[
            <OpenSurveysSection key="surveys" />,
            <StudentKnowSection key="know" />,
            <MyCommonalities key="commonalities" />,
          ]}
        />
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
  if (user.role !== 'teacher')
    return (
      <>
        <StudentCard showOwnLog={false} />
        {/* A leader's or admin's read of the profile is audited: the panel waits to be asked. */}
        <StudentProfilePanel key={studentId} studentId={studentId} asTeacher={false} />
      </>
    );
  return (
    <DyadPage
      key={studentId}
      studentId={studentId}
      lead={<StudentCardLead studentId={studentId} />}
      about={
        <StudentProfilePanel
          studentId={studentId}
          asTeacher
          commonalities={<StudentInsights studentId={studentId} />}
        />
      }
    >
      <StudentCardSections studentId={studentId} />
    </DyadPage>
  );
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

/** What the teacher shares with the student, on the student's page (the student's card names them). */
function StudentInsights({ studentId }: { studentId: string }) {
  const student = useStudent(studentId);
  if (!student.data) return null;
  return <StudentCommonalities studentId={studentId} name={student.data.displayName} />;
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
  return (
    <>
      <ReportsPage />
      {user.role === 'teacher' ? null : <SurveysAdminLink />}
      {user.role === 'district_admin' ? <ReportSettingsLink /> : null}
    </>
  );
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
