import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { requestHeadingFocus } from '../components/ui/page-heading.js';
import { AccountControls } from '../features/auth/components/account-controls.js';
import { LanguageSwitcher } from '../features/auth/components/language-switcher.js';
import { OutboxBadge, OutboxSync } from './outbox-sync.js';

/** The page frame: skip link, header (app name, logs waiting to sync, user, language, sign out)
 * and the one <main>, which starts with the outbox's notices. */
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
        <LanguageSwitcher />
        <AccountControls />
      </header>
      <main id="main" tabIndex={-1}>
        <OutboxSync />
        <Outlet />
      </main>
    </>
  );
}
