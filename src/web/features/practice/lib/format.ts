// Formatting for the practice pages, in the reader's language.
import type { TFunction } from 'i18next';

/** "5 : 1" with no-break spaces, so a line never ends in the middle of a ratio. */
export const keepTogether = (ratio: string) => ratio.replace(/ /g, '\u00a0');

/** "less than an hour", "3 hours", "2 days": how long something has been waiting. */
export function formatAge(hours: number, t: TFunction): string {
  if (hours < 1) return t('practice.age.lessThanHour');
  if (hours < 24) return t('practice.age.hours', { count: Math.floor(hours) });
  return t('practice.age.days', { count: Math.floor(hours / 24) });
}

/** A typical duration ("5 hours", "2.5 days"), with the number written for the locale. */
export function formatDuration(hours: number, t: TFunction, locale: string): string {
  if (hours < 1) return t('practice.age.lessThanHour');
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (hours < 48) {
    const n = Math.round(hours);
    return t('practice.duration.hours', { count: n, value: fmt.format(n) });
  }
  const days = Math.round((hours / 24) * 10) / 10;
  return t('practice.duration.days', { count: days, value: fmt.format(days) });
}

/** "Mon, Nov 23" for a calendar date (YYYY-MM-DD), whatever the browser's time zone. */
export function formatWeekday(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}
