import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex="0"]';

/**
 * A button that shows and hides a panel: the WAI-ARIA disclosure pattern, for a site menu on a
 * phone. The button carries aria-expanded and aria-controls; opening moves focus to the panel's
 * first link or button; Escape closes it and gives focus back to the button; focus or a click
 * leaving the menu closes it. Whether the button shows at all is the stylesheet's business
 * (`.disclosure-menu`): on a wide screen the panel is always shown and the button hidden, so
 * the same links serve both. Remount it (a `key`) to close it, e.g. after a navigation.
 */
export function DisclosureMenu({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const closeOutside = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div
      ref={rootRef}
      className={['disclosure-menu', open ? 'is-open' : null, className].filter(Boolean).join(' ')}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Focus moved elsewhere on the page (Tab past the last link): the menu closes.
        if (open && e.relatedTarget && !rootRef.current?.contains(e.relatedTarget as Node))
          setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button-quiet disclosure-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="disclosure-icon" aria-hidden="true" />
        {label}
      </button>
      <div ref={panelRef} id={panelId} className="disclosure-panel">
        {children}
      </div>
    </div>
  );
}
