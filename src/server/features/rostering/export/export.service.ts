// OneRoster 1.2 bulk export of one district's roster: a zip of manifest.csv and one CSV per
// entity, streamed from the database page by page. Identical rosters give identical bytes: rows
// sorted by sourcedId (byte order), a fixed dateLastModified rule, a fixed time on every zip entry
// (docs/decisions/012-oneroster-export.md).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { ZipFile } from 'yazl';
import type { RequestContext } from '../../../platform/context/request-context.js';
import { recordAudit, recordSystemAudit } from '../../../platform/audit/audit.repository.js';
import type { Database } from '../../../platform/db/schema.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.js';
import { exportRepository, listDistricts, type HalfPage, type Page } from './export.repository.js';
import { MANIFEST_FILES, ONEROSTER_COLUMNS, type ExportedFile } from './oneroster-columns.js';
import {
  academicSessionRecord,
  classRecord,
  courseRecord,
  demographicsRecord,
  districtOrgRecord,
  enrollmentRecord,
  orgRecord,
  roleRecord,
  userRecord,
  type CsvRecord,
  type RecordContext,
} from './oneroster-records.js';

export type ExportCounts = Record<ExportedFile, number>;

/** Rows per database round trip: a page is held in memory, the rest of the roster is not. */
const PAGE_SIZE = 5000;
/** Every zip entry's modification time, so the zip's bytes depend on the roster only. */
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');
const CSV_OPTIONS = { record_delimiter: '\r\n' } as const;

/** The files written, in the zip's order. */
const FILES = Object.keys(ONEROSTER_COLUMNS) as ExportedFile[];

function manifestCsv(): string {
  const rows: CsvRecord[] = [
    ['propertyName', 'value'],
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
    ...MANIFEST_FILES.map((f) => [
      `file.${f}`,
      (FILES as readonly string[]).includes(f) ? 'bulk' : 'absent',
    ]),
    ['source.systemName', 'Rapport'],
  ];
  return stringify(rows, CSV_OPTIONS);
}

/** Every row of a keyset-paged query, in order, one page in memory at a time. */
async function* allRows<T>(page: Page<T>, size: number): AsyncGenerator<T[]> {
  let after: T | null = null;
  for (;;) {
    const rows = await page(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = rows.at(-1)!;
  }
}

/** Every row of a table read in two halves, merged into one sourcedId order. */
async function* mergedRows<T extends { sourcedId: string }>(
  page: HalfPage<T>,
  size: number,
): AsyncGenerator<T[]> {
  const halves = (['sourced', 'made'] as const).map((half) => ({
    rows: allRows<T>((after, limit) => page(half, after, limit), size),
    batch: [] as T[],
    at: 0,
    done: false,
  }));
  let out: T[] = [];
  for (;;) {
    for (const h of halves) {
      if (h.at < h.batch.length || h.done) continue;
      const next = await h.rows.next();
      if (next.done) h.done = true;
      else [h.batch, h.at] = [next.value, 0];
    }
    const open = halves.filter((h) => h.at < h.batch.length);
    if (open.length === 0) break;
    const first = open.reduce((a, b) =>
      byteOrder(a.batch[a.at]!.sourcedId, b.batch[b.at]!.sourcedId) <= 0 ? a : b,
    );
    out.push(first.batch[first.at++]!);
    if (out.length >= size) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

/** Byte order of UTF-8 strings, the order the database pages come in. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

type Records = AsyncGenerator<CsvRecord[]>;

function fileRecords(
  repo: ReturnType<typeof exportRepository>,
  ctx: RecordContext,
  districtOrg: CsvRecord | null,
  size: number,
): Record<ExportedFile, () => Records> {
  return {
    async *orgs() {
      // The district itself, when no imported org stands for it, in its sorted place.
      let pending = districtOrg;
      for await (const rows of mergedRows(repo.orgs, size)) {
        const records = rows.map((o) => orgRecord(o, ctx));
        if (pending && byteOrder(pending[0]!, records.at(-1)![0]!) < 0) {
          records.push(pending);
          records.sort((a, b) => byteOrder(a[0]!, b[0]!));
          pending = null;
        }
        yield records;
      }
      if (pending) yield [pending];
    },
    async *academicSessions() {
      for await (const rows of mergedRows(repo.academicSessions, size))
        yield rows.map((t) => academicSessionRecord(t, ctx));
    },
    async *courses() {
      for await (const rows of mergedRows(repo.courses, size))
        yield rows.map((c) => courseRecord(c, ctx));
    },
    async *classes() {
      for await (const rows of mergedRows(repo.classes, size))
        yield rows.map((c) => classRecord(c, ctx));
    },
    async *users() {
      for await (const rows of mergedRows(repo.users, size)) {
        const agents = new Map<string, string[]>();
        const add = (id: string, agent: string) =>
          agents.set(id, [...(agents.get(id) ?? []), agent]);
        const links = await repo.guardianships(rows.map((p) => p.id));
        for (const g of links.ofStudents) add(g.student_id, g.guardianSourcedId);
        for (const g of links.ofGuardians) add(g.guardian_id, g.studentSourcedId);
        yield rows.map((p) => userRecord(p, (agents.get(p.id) ?? []).sort(byteOrder), ctx));
      }
    },
    async *roles() {
      for await (const rows of allRows(repo.roles, size)) yield rows.map((r) => roleRecord(r, ctx));
    },
    async *enrollments() {
      for await (const rows of mergedRows(repo.enrollments, size))
        yield rows.map((e) => enrollmentRecord(e, ctx));
    },
    async *demographics() {
      for await (const rows of mergedRows(repo.demographics, size))
        yield rows.map((d) => demographicsRecord(d, ctx));
    },
  };
}

/**
 * Writes the district's active roster to `out` as a OneRoster 1.2 bulk zip and ends `out`
 * (unless `end: false`). `pageSize` is for tests. Resolves with the number of rows in each file once the zip is written.
 */
export async function exportOneRoster(
  db: Kysely<Database>,
  districtId: string,
  out: NodeJS.WritableStream,
  opts: { end?: boolean; pageSize?: number } = {},
): Promise<ExportCounts> {
  const repo = exportRepository(db, districtId);
  const district = await repo.district();
  if (!district) throw new NotFoundError('The district');
  const ctx: RecordContext = {
    fallbackModified: new Date(district.created_at).toISOString(),
    districtSourcedId: district.sourced_id ?? district.id,
  };
  const districtOrg = (await repo.hasDistrictOrg())
    ? null
    : districtOrgRecord({ sourcedId: ctx.districtSourcedId, name: district.name }, ctx);
  const records = fileRecords(repo, ctx, districtOrg, opts.pageSize ?? PAGE_SIZE);
  const counts = Object.fromEntries(FILES.map((f) => [f, 0])) as ExportCounts;

  const zip = new ZipFile();
  const entry = { mtime: ZIP_MTIME, compress: true };
  zip.addBuffer(Buffer.from(manifestCsv()), 'manifest.csv', entry);
  for (const file of FILES) {
    async function* csv() {
      yield Buffer.from(stringify([[...ONEROSTER_COLUMNS[file]]], CSV_OPTIONS));
      for await (const batch of records[file]()) {
        counts[file] += batch.length;
        yield Buffer.from(stringify(batch, CSV_OPTIONS));
      }
    }
    zip.addReadStreamLazy(`${file}.csv`, entry, (cb) => cb(null, Readable.from(csv())));
  }
  zip.end();
  const output = zip.outputStream as PassThrough;
  zip.on('error', (err: Error) => output.destroy(err));
  await pipeline(output, out, { end: opts.end ?? true });
  return counts;
}

/** The download name: oneroster-<district>-<date>.zip, ASCII only. */
function downloadName(districtName: string, date: string): string {
  const slug = districtName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `oneroster-${slug || 'district'}-${date}.zip`;
}

/**
 * A district admin's export of their own district: the zip as a stream. The audit entry, with
 * the counts, is written before the stream ends.
 */
export async function exportRoster(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<{ fileName: string; body: Readable }> {
  const { actor } = ctx;
  if (actor.role !== 'district_admin')
    throw new ForbiddenError('Only a district admin exports the roster.');
  const district = await exportRepository(db, actor.districtId).district();
  if (!district) throw new NotFoundError('The district');
  const body = new PassThrough();
  exportOneRoster(db, actor.districtId, body, { end: false })
    .then((counts) =>
      recordAudit(db, actor, {
        action: 'roster.export',
        subjectType: 'district',
        subjectId: actor.districtId,
        detail: { counts },
      }),
    )
    .then(
      () => body.end(),
      (err: Error) => body.destroy(err),
    );
  return { fileName: downloadName(district.name, ctx.today), body };
}

/**
 * The command line's export: the district named, or the only one, written to `path` (through a
 * temporary file, so a failed export leaves no half-written zip).
 */
export async function exportRosterToFile(
  db: Kysely<Database>,
  path: string,
  districtName?: string,
): Promise<{ districtName: string; counts: ExportCounts }> {
  const districts = await listDistricts(db);
  const names = districts.map((d) => `"${d.name}"`).join(', ');
  let district;
  if (districtName !== undefined) {
    district = districts.find((d) => d.name === districtName);
    if (!district)
      throw new ValidationError(
        '--district',
        `no district is named "${districtName}"; the districts here are ${names || '(none)'}`,
      );
  } else if (districts.length === 1) {
    district = districts[0]!;
  } else {
    throw new ValidationError(
      '--district',
      districts.length === 0
        ? 'the database has no district to export'
        : `the database has ${districts.length} districts; name one with --district: ${names}`,
    );
  }
  const partial = `${path}.partial`;
  let counts: ExportCounts;
  try {
    counts = await exportOneRoster(db, district.id, createWriteStream(partial));
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  await recordSystemAudit(db, district.id, {
    action: 'roster.export',
    subjectType: 'district',
    subjectId: district.id,
    detail: { counts, via: 'cli' },
  });
  return { districtName: district.name, counts };
}
