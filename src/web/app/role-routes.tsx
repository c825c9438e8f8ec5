// Pages that depend on who is signed in. The app composes features; features never look at
// each other, so the role decides here which feature's page to show.
import { useCurrentUser } from '../features/auth/api/get-session.js';
import { AdminHome } from '../features/home/components/admin-home.js';
import { LeaderHome } from '../features/home/components/leader-home.js';
import { RolePlaceholderHome } from '../features/home/components/role-placeholder-home.js';
import { TeacherHome } from '../features/home/components/teacher-home.js';
import { StudentCard } from '../features/students/components/student-card.js';

export function HomeRoute() {
  const user = useCurrentUser();
  switch (user.role) {
    case 'teacher':
      return <TeacherHome name={user.displayName} />;
    case 'leader':
      return <LeaderHome />;
    case 'district_admin':
      return <AdminHome />;
    default:
      return <RolePlaceholderHome name={user.displayName} role={user.role} />;
  }
}

export function StudentRoute() {
  const user = useCurrentUser();
  return <StudentCard showOwnLog={user.role === 'teacher'} />;
}
