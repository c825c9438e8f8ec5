// i18next with both languages bundled: two small JSON files cost less than a round trip.
// The language last shown on this device is kept in localStorage, so the sign-in page opens in
// it; once signed in, the account's language (PUT /api/auth/locale) applies.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../contracts/common.js';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };

export const LOCALES: readonly Locale[] = ['en', 'es'];
const STORAGE_KEY = 'rapport.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'es';
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage disabled
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

function initialLocale(): Locale {
  return storedLocale() ?? (navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en');
}

/** The language currently shown. */
export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'en';
}

/** Shows the app in `locale` and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'es'],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnNull: false,
});

export { i18next as i18n };
