import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

// After a client-side navigation, focus moves to the new page's heading so screen-reader and
// keyboard users start at the top of what changed, as they would after a full page load. The
// first page load leaves focus alone so the skip link stays the first Tab stop.
let focusPending = false;

/** Called by the layout when the route changes. */
export function requestHeadingFocus(): void {
  focusPending = true;
}

/** `id` and `ref` let a page label a list by its heading and bring focus back to it. */
export function PageHeading({
  children,
  lead,
  id,
  ref: outer,
}: {
  children: ReactNode;
  lead?: ReactNode;
  id?: string;
  ref?: RefObject<HTMLHeadingElement | null>;
}) {
  const own = useRef<HTMLHeadingElement>(null);
  const ref = outer ?? own;
  useEffect(() => {
    if (focusPending && ref.current) {
      focusPending = false;
      ref.current.focus();
    }
    // Once, on mounting: a ref object stays the same for the component's life.
  }, [ref]);
  return (
    <div className="page-heading">
      <h1 id={id} ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}
