// The migration set, listed statically so it works from sources (tsx) and from the build alike.
// One file per change, date-prefixed; each runs unchanged on SQLite and PostgreSQL.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-23-001-foundation.js';
import * as dailyPractice from './2026-11-23-002-daily-practice.js';
import * as rostering from './2026-11-30-001-rostering.js';
import * as surveys from './2026-11-30-002-surveys.js';
import * as knowYourStudents from './2026-11-30-003-know-your-students.js';
import * as predictions from './2026-11-30-004-predictions.js';
import * as partitions from './2026-11-30-005-partitions.js';
import * as surveyReports from './2026-11-30-006-survey-reports.js';
import * as jobLeases from './2026-11-30-010-job-leases.js';
import * as teacherMomentsIndex from './2026-11-30-011-teacher-moments-index.js';
import * as surveyTitles from './2026-12-07-001-survey-titles.js';
import * as repairClosures from './2026-12-07-020-repair-closures.js';

export const migrations: Record<string, Migration> = {
  '2026-11-23-001-foundation': foundation,
  '2026-11-23-002-daily-practice': dailyPractice,
  '2026-11-30-001-rostering': rostering,
  '2026-11-30-002-surveys': surveys,
  '2026-11-30-003-know-your-students': knowYourStudents,
  '2026-11-30-004-predictions': predictions,
  '2026-11-30-005-partitions': partitions,
  '2026-11-30-006-survey-reports': surveyReports,
  '2026-11-30-010-job-leases': jobLeases,
  '2026-11-30-011-teacher-moments-index': teacherMomentsIndex,
  '2026-12-07-001-survey-titles': surveyTitles,
  '2026-12-07-020-repair-closures': repairClosures,
};
