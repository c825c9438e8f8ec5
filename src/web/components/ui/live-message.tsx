import type { ReactNode } from 'react';

/**
 * A polite live region that stays in the page, so what appears in it (a confirmation after a
 * save) is announced; empty, it takes no space.
 */
export function LiveMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className={children ? 'live-message' : 'live-message is-empty'}>
      {children}
    </p>
  );
}
