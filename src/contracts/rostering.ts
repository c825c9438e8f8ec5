// Rostering: OneRoster imports and exports, and the district's calendar of days off.
import { Type, type Static } from 'typebox';
import { Id, IsoDate, IsoInstant } from './common.js';

/** What a roster import touches, in the order it applies them. */
export const RosterEntities = [
  'orgs',
  'academicSessions',
  'courses',
  'classes',
  'users',
  'demographics',
  'enrollments',
  'guardianships',
  'accounts',
] as const;
export type RosterEntity = (typeof RosterEntities)[number];

export const EntityCounts = Type.Object({
  added: Type.Integer(),
  updated: Type.Integer(),
  deactivated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type EntityCounts = Static<typeof EntityCounts>;

/**
 * One finding about the files. `line` is the line in the file (the header is line 1); `column`
 * is the column's name. A warning may stand for many rows: `rows` counts them and `lines`
 * lists the first few.
 */
export const RosterMessage = Type.Object({
  file: Type.String(),
  line: Type.Union([Type.Integer(), Type.Null()]),
  column: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  rows: Type.Optional(Type.Integer()),
  lines: Type.Optional(Type.Array(Type.Integer())),
});
export type RosterMessage = Static<typeof RosterMessage>;

export const RosterJobStatus = Type.Enum([
  'running',
  'previewed',
  'applied',
  'rejected',
  'failed',
  'exported',
]);
export type RosterJobStatus = Static<typeof RosterJobStatus>;

export const RosterReport = Type.Object({
  /** OneRoster version read from manifest.csv: 1.1 or 1.2 (1.2.1 reads as 1.2). */
  version: Type.Union([Type.String(), Type.Null()]),
  /** bulk | delta | absent, per file, as the manifest declares. */
  files: Type.Record(Type.String(), Type.String()),
  counts: Type.Record(Type.String(), EntityCounts),
  rowsRead: Type.Integer(),
  errors: Type.Array(RosterMessage),
  warnings: Type.Array(RosterMessage),
  /** Totals, when more messages were found than are listed. */
  errorCount: Type.Integer(),
  warningCount: Type.Integer(),
});
export type RosterReport = Static<typeof RosterReport>;

export const RosterJob = Type.Object({
  id: Id,
  kind: Type.Enum(['import', 'export']),
  dryRun: Type.Boolean(),
  status: RosterJobStatus,
  sourceName: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoInstant,
  finishedAt: Type.Union([IsoInstant, Type.Null()]),
  /** While running: the file being read and the rows read so far (on the instance running it). */
  progress: Type.Union([Type.Object({ file: Type.String(), rows: Type.Integer() }), Type.Null()]),
  report: Type.Union([RosterReport, Type.Null()]),
});
export type RosterJob = Static<typeof RosterJob>;

export const RosterJobList = Type.Object({ jobs: Type.Array(RosterJob) });
export type RosterJobList = Static<typeof RosterJobList>;

export const JobParams = Type.Object({ jobId: Id });
export const ImportQuery = Type.Object({
  dryRun: Type.Optional(Type.Enum(['true', 'false'])),
});

// ------------------------------------------------------------------------------------------
// Calendar

export const DayOff = Type.Object({
  date: IsoDate,
  reason: Type.String({ minLength: 1, maxLength: 200 }),
  source: Type.Enum(['ics', 'manual', 'term']),
});
export type DayOff = Static<typeof DayOff>;

export const CalendarTerm = Type.Object({
  id: Id,
  name: Type.String(),
  type: Type.String(),
  startDate: IsoDate,
  endDate: IsoDate,
  schoolDays: Type.Integer(),
});
export type CalendarTerm = Static<typeof CalendarTerm>;

export const CalendarResponse = Type.Object({
  timeZone: Type.String(),
  terms: Type.Array(CalendarTerm),
  daysOff: Type.Array(DayOff),
});
export type CalendarResponse = Static<typeof CalendarResponse>;

/** An event of an uploaded file that names no day off: a timed event (it has a time of day). */
export const IcsSkippedEvent = Type.Object({
  line: Type.Integer(),
  summary: Type.String(),
  reason: Type.Enum(['timed']),
});
export type IcsSkippedEvent = Static<typeof IcsSkippedEvent>;

export const IcsImportResponse = Type.Object({
  /** Days off added or whose reason changed. */
  added: Type.Integer(),
  /** Days off the file lists that were already there with the same reason, or edited by hand. */
  unchanged: Type.Integer(),
  /** The span read: the first to the last day of the district's active terms. */
  from: IsoDate,
  to: IsoDate,
  /** The days off the file lists within the span, as they are now. */
  days: Type.Array(DayOff),
  skipped: Type.Array(IcsSkippedEvent),
});
export type IcsImportResponse = Static<typeof IcsImportResponse>;

export const DayOffParams = Type.Object({ date: IsoDate });
export const DayOffBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
