import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../../../lib/outbox.js';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/**
 * "3 waiting to sync" or "All saved", and whether the device is offline: a polite live region,
 * so a screen reader hears when the logs made offline have reached the server.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const waiting = outbox.items.length;
  return (
    <p role="status" className={waiting > 0 ? 'sync-status is-waiting' : 'sync-status'}>
      {!outbox.ready
        ? null
        : waiting > 0
          ? t('sync.waiting', { count: waiting })
          : t('sync.allSaved')}
      {online ? null : <span className="sync-offline"> {t('sync.offline')}</span>}
    </p>
  );
}
