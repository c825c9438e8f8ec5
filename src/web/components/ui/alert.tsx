import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message.js';
import { Button } from './button.js';

/** An error the user must notice: announced at once by screen readers. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="alert">
      {children}
    </div>
  );
}

/** A failed request: the server's message, and a way to try again when that can help. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert>
      <p>{errorMessage(error, t)}</p>
      {onRetry ? <Button onClick={onRetry}>{t('errors.retry')}</Button> : null}
    </Alert>
  );
}
