// The district's calendar: terms with their school days, and the days off every count of school
// days skips. A district admin uploads an .ics file (read by domain/icalendar.ts) and edits days
// by hand; each change is audited with its counts.
import type { Kysely } from 'kysely';
import type {
  CalendarResponse,
  CalendarTerm,
  DayOff,
  IcsImportResponse,
} from '../../../contracts/rostering.js';
import { isIsoDate, schoolDaysBetween } from '../../../domain/calendar.js';
import { IcsError, readDaysOff } from '../../../domain/icalendar.js';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { assertManagesCalendar } from './calendar.policy.js';
import { calendarRepository, type DistrictDayOffRow } from './calendar.repository.js';

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new ValidationError('date', 'is not a calendar date (YYYY-MM-DD)');
}

/** The district's time zone, active terms with their school days, and every day off. */
export async function getCalendar(db: Kysely<Database>, actor: Actor): Promise<CalendarResponse> {
  assertManagesCalendar(actor);
  const repo = calendarRepository(db);
  const access = accessRepository(db);
  const terms: CalendarTerm[] = [];
  for (const t of await repo.activeTerms(actor.districtId)) {
    // The same days off every other count of school days uses (the term's and the district's).
    const cal = await access.term(actor.districtId, t.id);
    terms.push({
      id: t.id,
      name: t.name,
      type: t.session_type ?? 'term',
      startDate: t.start_date,
      endDate: t.end_date,
      schoolDays: cal
        ? schoolDaysBetween(
            { startDate: cal.start_date, endDate: cal.end_date, daysOff: cal.daysOff },
            t.start_date,
            t.end_date,
          ).length
        : 0,
    });
  }
  const seen = new Set<string>();
  const termDays: DayOff[] = [];
  for (const d of await repo.termDaysOff(actor.districtId)) {
    if (seen.has(d.date)) continue; // a date several terms list appears once
    seen.add(d.date);
    termDays.push({ date: d.date, reason: d.reason, source: 'term' });
  }
  const daysOff = [...termDays, ...(await repo.districtDaysOff(actor.districtId))].sort(
    (a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source),
  );
  return { timeZone: actor.timeZone, terms, daysOff };
}

/**
 * Adds the days off an .ics file lists within the span of the district's active terms, or
 * changes their reason. Uploading the same file again changes nothing; a day edited by hand
 * keeps its edit. A bad file changes nothing and is refused with its line and reason.
 */
export async function importIcs(
  db: Kysely<Database>,
  actor: Actor,
  icsText: string,
): Promise<IcsImportResponse> {
  assertManagesCalendar(actor);
  const terms = await calendarRepository(db).activeTerms(actor.districtId);
  if (terms.length === 0)
    throw new ValidationError(
      'file',
      'the district has no active terms yet; days off are read within the terms, so add them first',
    );
  const from = terms.map((t) => t.start_date).reduce((a, b) => (a < b ? a : b));
  const to = terms.map((t) => t.end_date).reduce((a, b) => (a > b ? a : b));
  let read: ReturnType<typeof readDaysOff>;
  try {
    read = readDaysOff(icsText, { from, to });
  } catch (error) {
    if (error instanceof IcsError) throw new ValidationError('file', error.message);
    throw error;
  }

  return db.transaction().execute(async (trx) => {
    const repo = calendarRepository(trx);
    const existing = new Map(
      (await repo.districtDaysOff(actor.districtId, { from, to })).map((d) => [d.date, d]),
    );
    const inserts: DistrictDayOffRow[] = [];
    const days: DayOff[] = [];
    let unchanged = 0;
    let updated = 0;
    for (const d of read.days) {
      const now = existing.get(d.date);
      if (!now) {
        const row = { date: d.date, reason: d.reason, source: 'ics' as const };
        inserts.push(row);
        days.push(row);
      } else if (now.source === 'manual' || now.reason === d.reason) {
        unchanged++;
        days.push(now);
      } else {
        const row = { date: d.date, reason: d.reason, source: 'ics' as const };
        await repo.updateDayOff(actor.districtId, row);
        updated++;
        days.push(row);
      }
    }
    await repo.insertDaysOff(actor.districtId, inserts);
    const added = inserts.length + updated;
    await recordAudit(trx, actor, {
      action: 'calendar_import',
      subjectType: 'calendar',
      subjectId: null,
      detail: { added, unchanged, inFile: read.days.length, skipped: read.skipped.length },
    });
    return { added, unchanged, from, to, days, skipped: read.skipped };
  });
}

/** Adds a day off by hand, or changes the reason of one already there. */
export async function setDayOff(
  db: Kysely<Database>,
  actor: Actor,
  date: string,
  reason: string,
): Promise<DayOff> {
  assertManagesCalendar(actor);
  assertDate(date);
  const trimmed = reason.replace(/\s+/g, ' ').trim();
  if (trimmed === '') throw new ValidationError('reason', 'is required');
  await db.transaction().execute(async (trx) => {
    await calendarRepository(trx).putManualDayOff(actor.districtId, date, trimmed);
    await recordAudit(trx, actor, {
      action: 'calendar_edit',
      subjectType: 'day_off',
      subjectId: date,
      detail: { set: 1, removed: 0 },
    });
  });
  return { date, reason: trimmed, source: 'manual' };
}

/** Removes a district day off (not one rostered with a term). */
export async function removeDayOff(db: Kysely<Database>, actor: Actor, date: string) {
  assertManagesCalendar(actor);
  assertDate(date);
  await db.transaction().execute(async (trx) => {
    if (!(await calendarRepository(trx).deleteDayOff(actor.districtId, date)))
      throw new NotFoundError(`A day off on ${date}`);
    await recordAudit(trx, actor, {
      action: 'calendar_edit',
      subjectType: 'day_off',
      subjectId: date,
      detail: { set: 0, removed: 1 },
    });
  });
}
