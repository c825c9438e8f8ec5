import type { ReactNode } from 'react';

/** An error the user must notice: announced at once by screen readers. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="alert">
      {children}
    </div>
  );
}
