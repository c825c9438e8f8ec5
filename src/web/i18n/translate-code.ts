import type { TFunction } from 'i18next';

/** The label for a code the server sends (an audit action, a role), or the code itself when
 * there is no translation for it yet. */
export function translateCode(t: TFunction, prefix: string, code: string): string {
  const lookup = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return lookup(`${prefix}.${code}`, { defaultValue: code });
}
