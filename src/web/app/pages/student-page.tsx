// A student's page, put together from the practice, students, know and insights features.
import { useStudent } from '../../features/students/api/get-student.js';
import { StudentCommonalities } from '../../features/insights/components/student-commonalities.js';
import { StudentProfilePanel } from '../../features/know/components/student-profile-panel.js';
import { DyadPage } from '../../features/practice/components/dyad-page.js';
import {
  StudentCard,
  StudentCardLead,
  StudentCardSections,
} from '../../features/students/components/student-card.js';

/** For anyone but the student's teacher: the card, and the profile on request. */
export function StudentCardPage({ studentId }: { studentId: string }) {
  return (
    <>
      <StudentCard showOwnLog={false} />
      {/* A leader's or admin's read of the profile is audited: the panel waits to be asked. */}
      <StudentProfilePanel key={studentId} studentId={studentId} asTeacher={false} />
    </>
  );
}

/** For the student's teacher: the relationship (stage, repair, plans, hard moments) and the card. */
export function TeacherStudentPage({ studentId }: { studentId: string }) {
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

/** What the teacher shares with the student, on the student's page (the student's card names them). */
function StudentInsights({ studentId }: { studentId: string }) {
  const student = useStudent(studentId);
  if (!student.data) return null;
  return <StudentCommonalities studentId={studentId} name={student.data.displayName} />;
}
