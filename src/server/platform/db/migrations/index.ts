// The migration set, listed statically so it works from sources (tsx) and from the build alike.
// One file per change, date-prefixed; each runs unchanged on SQLite and PostgreSQL.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-23-001-foundation.js';
import * as dailyPractice from './2026-11-23-002-daily-practice.js';
import * as rostering from './2026-11-30-001-rostering.js';
import * as partitions from './2026-11-30-005-partitions.js';

export const migrations: Record<string, Migration> = {
  '2026-11-23-001-foundation': foundation,
  '2026-11-23-002-daily-practice': dailyPractice,
  '2026-11-30-001-rostering': rostering,
  '2026-11-30-005-partitions': partitions,
};
