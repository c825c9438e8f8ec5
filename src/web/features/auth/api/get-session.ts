import { useQuery } from '@tanstack/react-query';
import type { SessionResponse, SessionUser } from '../../../../contracts/auth.js';
import { ApiError, api, setCsrfToken } from '../../../lib/api-client.js';

export const sessionQueryKey = ['session'] as const;

/** The signed-in user and the CSRF token, or null when nobody is signed in. */
export async function getSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: 5 * 60_000 });
}

/** The signed-in user, for pages rendered behind the session guard. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser is only for pages behind the session guard');
  return data.user;
}
