// Connects the outbox (lib/outbox.ts) to the session and the query cache for the whole app:
// it sends waiting logs whichever page is open, reports what the server refused and when a
// sign-in is needed, and shows in the header how many logs wait.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/ui/alert.js';
import { Button } from '../components/ui/button.js';
import { getSession, sessionQueryKey, useSession } from '../features/auth/api/get-session.js';
import { setCsrfToken } from '../lib/api-client.js';
import { dismissRefusal, setOutboxOwner, startOutboxSync, useOutbox } from '../lib/outbox.js';
import { isServiceWorkerControlled, onServiceWorkerControl } from '../lib/service-worker.js';

// The data a class view needs offline, refetched so the service worker caches it.
const CLASSES = ['classes'] as const;
const HOME = ['home'] as const;
// What a sent log changes besides: a student's page (the dyad, the card's recent moments).
const PRACTICE = ['practice'] as const;
const STUDENTS = ['students'] as const;

/** Keeps the outbox sending and the service worker's cache warm; renders the outbox's notices. */
export function OutboxSync() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const accountId = session.data?.user.accountId ?? null;
  const outbox = useOutbox();

  useEffect(
    () =>
      startOutboxSync({
        // Not through the query cache: a failed check must not turn the page into an error.
        async checkSession() {
          const fresh = await getSession();
          queryClient.setQueryData(sessionQueryKey, fresh);
          return fresh?.user.accountId ?? null;
        },
        onSignedOut() {
          setCsrfToken(null);
          queryClient.setQueryData(sessionQueryKey, null);
        },
        onSettled() {
          for (const queryKey of [CLASSES, HOME, PRACTICE, STUDENTS])
            void queryClient.invalidateQueries({ queryKey });
        },
      }),
    [queryClient],
  );

  useEffect(() => setOutboxOwner(accountId), [accountId]);

  // Reads made before the service worker took control of this page went around it, uncached:
  // read them again once it has (when signed in; signed out there is nothing to keep). Signing
  // in answers with the session as a POST, which it never caches, so the session is read once
  // more then.
  useEffect(() => {
    if (accountId === null) return;
    return onServiceWorkerControl(() => {
      void getSession().catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: CLASSES });
      void queryClient.invalidateQueries({ queryKey: HOME });
    });
  }, [queryClient, accountId]);
  const previousAccount = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (session.isPending) return;
    const before = previousAccount.current;
    previousAccount.current = accountId;
    if (before !== undefined && accountId !== null && accountId !== before) {
      if (isServiceWorkerControlled()) void getSession().catch(() => undefined);
    }
  }, [accountId, session.isPending]);

  return (
    <>
      {outbox.waitingForSignIn > 0 && accountId === null ? (
        <Alert>
          <p>{t('sync.signIn', { count: outbox.waitingForSignIn })}</p>
        </Alert>
      ) : null}
      {outbox.refusals.map((r) => (
        <Alert key={r.item.id}>
          <p>{t('sync.refused', { message: r.message })}</p>
          <Button onClick={() => dismissRefusal(r.item.id)}>{t('toast.dismiss')}</Button>
        </Alert>
      ))}
    </>
  );
}

/** How many logs wait to be sent, in the header on every page; nothing when none wait. Not a
 * live region: the class view's sync status announces changes. */
export function OutboxBadge() {
  const { t } = useTranslation();
  const { items } = useOutbox();
  if (items.length === 0) return null;
  return <span className="outbox-badge">{t('sync.waiting', { count: items.length })}</span>;
}
