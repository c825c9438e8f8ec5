// A teacher's roster for today, kept in memory for a few seconds. Logging is the hottest path
// (several taps a minute per teacher) and rosters change on imports, not between taps, so
// each process re-reads a teacher's roster at most once per TTL. A roster change is seen by
// every process within ROSTER_TTL_MS; code in this process that changes enrollments calls
// forgetRosters() to see it at once. docs/decisions/006-logging-hot-path.md, point 3.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { accessRepository } from './access.repository.js';

export const ROSTER_TTL_MS = 10_000;
const MAX_ENTRIES = 20_000;

export interface RosterPlace {
  classId: string;
  termStart: string;
  termEnd: string;
}

interface Entry {
  loadedAt: number;
  places: Map<string, RosterPlace[]>;
}

// One cache per database handle, so separate apps (and tests) never share entries.
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheFor(db: Kysely<Database>): Map<string, Entry> {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c;
}

/** studentId → the classes (with term bounds) where this teacher teaches them today. */
export async function teacherRosterToday(
  db: Kysely<Database>,
  districtId: string,
  teacherId: string,
  today: string,
  nowMs = Date.now(),
): Promise<Map<string, RosterPlace[]>> {
  const cache = cacheFor(db);
  const key = `${districtId}|${teacherId}|${today}`;
  const hit = cache.get(key);
  if (hit && nowMs - hit.loadedAt < ROSTER_TTL_MS) return hit.places;
  const rows = await accessRepository(db).teacherRoster(districtId, teacherId, today);
  const places = new Map<string, RosterPlace[]>();
  for (const r of rows) {
    const list = places.get(r.studentId) ?? [];
    list.push({ classId: r.classId, termStart: r.start_date, termEnd: r.end_date });
    places.set(r.studentId, list);
  }
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.delete(key); // re-insert so the oldest entries are evicted first
  cache.set(key, { loadedAt: nowMs, places });
  return places;
}

/** Drops cached rosters after this process changed enrollments (imports, purges). */
export function forgetRosters(db: Kysely<Database>): void {
  caches.get(db)?.clear();
}
