import { Suspense, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/ui/loading.js';
import { requestHeadingFocus } from '../components/ui/page-heading.js';
import { OutboxBadge, OutboxSync } from './outbox-sync.js';
import { SiteNav } from './site-nav.js';

/** The page frame: skip link, header (app name, logs waiting to sync, the role's menu with the
 * language and sign out) and the one <main>, which starts with the outbox's notices. Pages load
 * on first use: "Loading…" shows in <main> meanwhile, with the header in place. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  // A layout effect runs before the new page's (passive) effects, so its heading sees the request.
  useLayoutEffect(() => {
    if (previous.current !== pathname) {
      previous.current = pathname;
      requestHeadingFocus();
    }
  }, [pathname]);

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <OutboxBadge />
        <SiteNav />
      </header>
      <main id="main" tabIndex={-1}>
        <OutboxSync />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
