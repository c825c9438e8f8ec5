// i18next with English bundled and Spanish loaded when it is first shown (its own chunk, which
// the service worker caches with the rest, so it works offline): the strings of both languages
// were a sixth of the first load (decision 020). The language last shown on this device is kept
// in localStorage, so the sign-in page opens in it; once signed in, the account's language
// (PUT /api/auth/locale) applies. Switching waits for the strings, then changes the language.
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../contracts/common.js';
import en from './en.json' with { type: 'json' };

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

/** Loads a language's strings on first use; English is already there. */
const loadLocale: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'es') return callback(null, {});
    import('./es.json', { with: { type: 'json' } }).then(
      (m) => callback(null, m.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/** Settles once the first language's strings are in: the app renders after it (main.tsx). */
export const i18nReady: Promise<unknown> = i18next
  .use(loadLocale)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    lng: initialLocale(),
    fallbackLng: 'en',
    supportedLngs: ['en', 'es'],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });

export { i18next as i18n };
