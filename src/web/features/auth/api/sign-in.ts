import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse, SignInBody } from '../../../../contracts/auth.js';
import type { Locale } from '../../../../contracts/common.js';
import { api, setCsrfToken } from '../../../lib/api-client.js';
import { sessionQueryKey } from './get-session.js';
import { setLocale } from './set-locale.js';

// A language picked on the sign-in page, in this page load, is the person's latest choice and
// is saved on their account at sign-in. Only an explicit pick counts: on a shared classroom
// device, the language the last person left behind must not overwrite the next one's setting.
let pickedBeforeSignIn: Locale | null = null;

/** Called by the language switcher when someone picks a language while signed out. */
export function notePickedBeforeSignIn(locale: Locale): void {
  pickedBeforeSignIn = locale;
}

export async function signIn(body: SignInBody): Promise<SessionResponse> {
  const session = await api.post<SessionResponse>('/api/auth/sign-in', body);
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: async (session) => {
      const chosen = pickedBeforeSignIn;
      pickedBeforeSignIn = null;
      if (chosen && session.user.locale !== chosen) {
        try {
          await setLocale(chosen);
          session = { ...session, user: { ...session.user, locale: chosen } };
        } catch {
          // Not worth failing the sign-in over; the account's language applies.
        }
      }
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
