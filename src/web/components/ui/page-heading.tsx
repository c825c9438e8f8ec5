import { useEffect, useRef, type ReactNode } from 'react';

// After a client-side navigation, focus moves to the new page's heading so screen-reader and
// keyboard users start at the top of what changed, as they would after a full page load. The
// first page load leaves focus alone so the skip link stays the first Tab stop.
let focusPending = false;

/** Called by the layout when the route changes. */
export function requestHeadingFocus(): void {
  focusPending = true;
}

export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusPending && ref.current) {
      focusPending = false;
      ref.current.focus();
    }
  }, []);
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}
