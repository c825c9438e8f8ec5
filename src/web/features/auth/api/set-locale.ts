import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse, SetLocaleBody } from '../../../../contracts/auth.js';
import type { Locale } from '../../../../contracts/common.js';
import { api } from '../../../lib/api-client.js';
import { sessionQueryKey } from './get-session.js';

/** Saves the account's language. */
export function setLocale(locale: Locale): Promise<{ ok: true }> {
  const body: SetLocaleBody = { locale };
  return api.put<{ ok: true }>('/api/auth/locale', body);
}

export function useSetLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setLocale,
    onMutate: (locale) => {
      // The cached session must agree, or the session's locale would switch the page back.
      queryClient.setQueryData<SessionResponse | null>(sessionQueryKey, (s) =>
        s ? { ...s, user: { ...s.user, locale } } : s,
      );
    },
  });
}
