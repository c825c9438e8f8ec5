// The menu: the pages each role has, in the header. On a phone it folds behind a Menu button
// (components/ui/disclosure-menu.tsx); on a wide screen it is a row of links.
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { Role } from '../../contracts/common.js';
import { DisclosureMenu } from '../components/ui/disclosure-menu.js';
import { useSession } from '../features/auth/api/get-session.js';
import { AccountControls } from '../features/auth/components/account-controls.js';
import { LanguageSwitcher } from '../features/auth/components/language-switcher.js';

type NavKey =
  | 'today'
  | 'home'
  | 'classes'
  | 'students'
  | 'surveys'
  | 'insights'
  | 'administrations'
  | 'results'
  | 'roster'
  | 'calendar'
  | 'settings'
  | 'profile'
  | 'questionnaire';

/** Each role's pages, in menu order. Roles without pages yet have their home only. */
export const MENUS: Record<Role, ReadonlyArray<{ key: NavKey; to: string }>> = {
  teacher: [
    { key: 'today', to: '/' },
    { key: 'classes', to: '/classes' },
    { key: 'students', to: '/know/students' },
    { key: 'surveys', to: '/surveys' },
    { key: 'insights', to: '/insights' },
  ],
  leader: [
    { key: 'home', to: '/' },
    { key: 'administrations', to: '/surveys/administrations' },
    { key: 'results', to: '/surveys' },
  ],
  district_admin: [
    { key: 'home', to: '/' },
    { key: 'roster', to: '/admin/roster' },
    { key: 'calendar', to: '/admin/calendar' },
    { key: 'administrations', to: '/surveys/administrations' },
    { key: 'results', to: '/surveys' },
    { key: 'settings', to: '/admin/survey-settings' },
  ],
  student: [
    { key: 'home', to: '/' },
    { key: 'profile', to: '/me/profile' },
    { key: 'questionnaire', to: '/questionnaire' },
  ],
  coach: [{ key: 'home', to: '/' }],
  guardian: [{ key: 'home', to: '/' }],
};

/** The header's menu for whoever is signed in; signed out, only the language switcher. */
export function SiteNav() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const user = session.data?.user;
  if (!user) return <LanguageSwitcher />;
  const items = MENUS[user.role] ?? MENUS.coach;
  return (
    // A new page closes the menu (a fresh instance); focus goes to the page's heading.
    <DisclosureMenu key={pathname} label={t('nav.menu')} className="site-menu">
      <nav aria-label={t('nav.label')}>
        <ul className="nav-links">
          {items.map((item) => (
            <li key={item.key}>
              <NavLink to={item.to} end className="nav-link">
                {t(`nav.items.${item.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="site-menu-tools">
        <LanguageSwitcher />
        <AccountControls />
      </div>
    </DisclosureMenu>
  );
}
