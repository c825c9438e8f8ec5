import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common.js';
import { Button } from '../../../components/ui/button.js';
import { LOCALES, changeLocale, currentLocale } from '../../../i18n/i18n.js';
import { useSession } from '../api/get-session.js';
import { useSetLocale } from '../api/set-locale.js';
import { notePickedBeforeSignIn } from '../api/sign-in.js';

/**
 * English / Español. Signed out, the choice is kept on this device (and saved on the account at
 * sign-in); signed in, it is saved on the account too. When a session loads, the account's
 * language applies.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const saveLocale = useSetLocale();
  const accountLocale = session.data?.user.locale;

  useEffect(() => {
    if (accountLocale && accountLocale !== currentLocale()) void changeLocale(accountLocale);
  }, [accountLocale]);

  function choose(locale: Locale) {
    if (locale === currentLocale()) return;
    void changeLocale(locale);
    if (session.data) saveLocale.mutate(locale);
    else notePickedBeforeSignIn(locale);
  }

  return (
    <div role="group" aria-label={t('app.language')} className="language-switcher">
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          variant="quiet"
          lang={locale}
          aria-pressed={i18n.language === locale}
          onClick={() => choose(locale)}
        >
          {t(`language.${locale}`)}
        </Button>
      ))}
    </div>
  );
}
