import { useId, type ReactNode } from 'react';

/**
 * An on/off setting that applies at once: a button with role="switch", so screen readers say
 * "on" or "off". The state is also written out ("On"/"Off"), not shown by colour alone.
 */
export function Switch({
  checked,
  onChange,
  label,
  description,
  onText,
  offText,
  busy = false,
}: {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: ReactNode;
  description?: ReactNode;
  onText: string;
  offText: string;
  busy?: boolean;
}) {
  const id = useId();
  return (
    <div className="switch-field">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={description ? `${id}-description` : undefined}
        aria-disabled={busy || undefined}
        className="switch"
        onClick={() => {
          if (!busy) onChange(!checked);
        }}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">{label}</span>
        <span className="switch-state" aria-hidden="true">
          {checked ? onText : offText}
        </span>
      </button>
      {description ? (
        <p id={`${id}-description`} className="switch-description">
          {description}
        </p>
      ) : null}
    </div>
  );
}
