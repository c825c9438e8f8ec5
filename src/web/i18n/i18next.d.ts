// Types t() keys from the English file, so a missing or misspelt key fails the typecheck.
// i18n.test.ts checks that Spanish has every English key.
import 'i18next';
import type en from './en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    returnNull: false;
  }
}
