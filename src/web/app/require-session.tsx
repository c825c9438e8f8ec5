import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ui/alert.js';
import { Loading } from '../components/ui/loading.js';
import { useSession } from '../features/auth/api/get-session.js';

/** Renders the signed-in pages, or sends a signed-out visitor to sign in (and back after). */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError)
    return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return <Outlet />;
}
