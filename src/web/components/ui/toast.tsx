import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.js';

export interface ToastMessage {
  message: string;
  action?: { label: string; onAction: () => void };
}

/** State for one toast at a time: a new message replaces the old one. */
export function useToast() {
  const [toast, setToast] = useState<(ToastMessage & { id: number }) | null>(null);
  const next = useRef(0);
  const show = useCallback((m: ToastMessage) => setToast({ ...m, id: ++next.current }), []);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show, dismiss };
}

/**
 * A polite live region that is always in the page (so screen readers announce what appears in
 * it) holding at most one message with an optional action. It stays until dismissed or
 * replaced: an undo that vanished on a timer would fail people who need more time (WCAG 2.2.1).
 */
export function Toast({
  toast,
  onDismiss,
}: {
  toast: (ToastMessage & { id: number }) | null;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const dismissRef = useRef<HTMLButtonElement>(null);
  return (
    <div role="status" aria-live="polite" className="toast-region">
      {toast ? (
        <div className="toast">
          <p className="toast-message" key={toast.id}>
            {toast.message}
          </p>
          {toast.action ? (
            <Button
              variant="primary"
              onClick={() => {
                // The action usually replaces this toast; keep keyboard focus inside it.
                dismissRef.current?.focus();
                toast.action?.onAction();
              }}
            >
              {toast.action.label}
            </Button>
          ) : null}
          <Button
            variant="quiet"
            ref={dismissRef}
            onClick={onDismiss}
            className="toast-dismiss"
            aria-label={t('toast.dismiss')}
          >
            <span aria-hidden="true">✕</span>
          </Button>
        </div>
      ) : null}
    </div>
  );
}
