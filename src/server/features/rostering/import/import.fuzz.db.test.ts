// Bad input for the OneRoster import: random bytes, truncated zips, any bytes in any cell,
// huge fields, wrong encodings and zip bombs each end in a clean error (a RosterSourceError or a
// rejected report whose every error names its file and reason), never another exception, and a
// rejected import leaves the database as it was. Good input imports the same with or without a
// dry run, and a second time changes nothing.
// Runs are few so the suite stays fast; FUZZ_SEED and FUZZ_RUNS replay or widen a search, and
// fast-check prints the seed and the shrunk counterexample of a failure.
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterReport } from '../../../../contracts/rostering.js';
import type { Db } from '../../../platform/db/database.js';
import { openTestDb, testDialects } from '../../../../../test/harness.js';
import {
  buildRosterSet,
  repeatedBytes,
  serializeCsv,
  serializeSet,
  writeFolder,
  zipFiles,
  type RosterSet,
  type StudentSpec,
} from '../../../../../test/oneroster-builder.js';
import { MAX_RECORD_BYTES } from './csv-reader.js';
import { importOneRoster } from './import-oneroster.js';
import type { ImportResult } from './import-types.js';
import {
  RosterSourceError,
  SOURCE_LIMITS,
  openRosterSource,
  rosterSourceFromBuffer,
  type RosterSource,
} from './source.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const params = (numRuns = RUNS) => ({ seed: SEED, numRuns });

type Outcome = { sourceError: RosterSourceError } | { result: ImportResult };

describe.each(testDialects())('OneRoster import under bad input ($name)', ({ target }) => {
  let db: Db;
  // Every district this file makes is named with this prefix, so the snapshots below see this
  // file's rows only, even when other suites share the database.
  const prefix = `fuzz-${randomUUID().slice(0, 8)}`;
  let serial = 0;
  const nextDistrict = () => `${prefix}-${++serial}`;

  beforeAll(async () => {
    db = await openTestDb(target());
  });
  afterAll(async () => {
    await db?.close();
  });

  /** The tables with a district_id: every tenant table. */
  let tables: string[] | undefined;

  /** Every row of every table that belongs to this file's districts, in a stable order. */
  async function snapshot(): Promise<Record<string, string[]>> {
    const k = db.kysely;
    const districts = await k
      .selectFrom('districts')
      .selectAll()
      .where('name', 'like', `${prefix}-%`)
      .execute();
    const ids = districts.map((d) => d.id);
    const out: Record<string, string[]> = {
      districts: districts.map((r) => JSON.stringify(r)).sort(),
    };
    tables ??= (await k.introspection.getTables())
      .filter((t) => t.columns.some((c) => c.name === 'district_id'))
      .map((t) => t.name);
    const rows = await Promise.all(
      tables.map((t) =>
        ids.length === 0
          ? []
          : sql<
              Record<string, unknown>
            >`select * from ${sql.table(t)} where district_id in (${sql.join(ids)})`
              .execute(k)
              .then((r) => r.rows),
      ),
    );
    tables.forEach((t, i) => {
      out[t] = (rows[i] as unknown[]).map((r) => JSON.stringify(r)).sort();
    });
    return out;
  }

  async function importFrom(
    open: () => Promise<RosterSource>,
    districtName: string,
    dryRun = false,
  ): Promise<Outcome> {
    let source: RosterSource;
    try {
      source = await open();
    } catch (err) {
      if (err instanceof RosterSourceError) return { sourceError: err };
      throw err;
    }
    return { result: await importOneRoster(db, source, { dryRun, districtName }) };
  }
  const importZip = (bytes: Buffer, districtName: string, dryRun = false) =>
    importFrom(() => rosterSourceFromBuffer('roster.zip', bytes), districtName, dryRun);

  /** A clean refusal: a source error, or a rejected report whose errors all say where and why. */
  function expectCleanRejection(o: Outcome): RosterReport['errors'] {
    if ('sourceError' in o) {
      expect(o.sourceError.file).not.toBe('');
      expect(o.sourceError.message).not.toBe('');
      return [
        { file: o.sourceError.file, line: null, column: null, reason: o.sourceError.message },
      ];
    }
    expect(o.result).toMatchObject({ rejected: true, rolledBack: true, districtId: null });
    expectCleanErrors(o.result.report);
    return o.result.report.errors;
  }
  function expectCleanErrors(report: RosterReport) {
    expect(report.errors.length).toBeGreaterThan(0);
    for (const e of report.errors) {
      expect(e.file, JSON.stringify(e)).toMatch(/\S/);
      expect(e.reason, JSON.stringify(e)).toMatch(/\S/);
    }
  }
  function expectImported(o: Outcome): ImportResult {
    expect('result' in o && o.result.report.errors).toEqual([]);
    const { result } = o as { result: ImportResult };
    expect(result.rejected).toBe(false);
    return result;
  }

  const validZip = (tag: string, set: RosterSet = buildRosterSet({ tag })) =>
    zipFiles(serializeSet(set));

  it('imports the valid set, and a second import of it changes nothing', async () => {
    const name = nextDistrict();
    const zip = await validZip(name);
    const first = expectImported(await importZip(zip, name));
    expect(first.report.counts).toMatchObject({
      orgs: { added: 2 },
      academicSessions: { added: 1 },
      courses: { added: 1 },
      classes: { added: 1 },
      users: { added: 3 },
      enrollments: { added: 3 },
      accounts: { added: 3 },
    });
    const before = await snapshot();
    const second = expectImported(await importZip(zip, name));
    for (const [entity, c] of Object.entries(second.report.counts))
      expect(c, entity).toEqual({
        added: 0,
        updated: 0,
        deactivated: 0,
        unchanged: first.report.counts[entity as keyof typeof first.report.counts]?.added,
      });
    expect(await snapshot()).toEqual(before);
  });

  it('random bytes, or a valid zip with bytes overwritten, end in a clean error or an import', async () => {
    const valid = await validZip(`${prefix}-z`);
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)),
      // The zip signatures first, so the reader gets further than its first check.
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.concat([Buffer.from('PK\x03\x04'), b])),
      fc
        .array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((edits) => {
          const b = Buffer.from(valid);
          for (const [at, byte] of edits) b[at] = byte;
          return b;
        }),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => {
        const name = nextDistrict();
        const before = await snapshot();
        const o = await importZip(bytes, name);
        if ('result' in o && !o.result.rejected) return; // a byte the import does not depend on
        expectCleanRejection(o);
        expect(await snapshot()).toEqual(before);
      }),
      params(),
    );
  });

  it('a valid zip cut at any byte is refused cleanly', async () => {
    const valid = await validZip(`${prefix}-t`);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: valid.length - 1 }), async (cut) => {
        const before = await snapshot();
        expectCleanRejection(await importZip(valid.subarray(0, cut), nextDistrict()));
        expect(await snapshot()).toEqual(before);
      }),
      params(),
    );
  });

  /** Text that breaks CSV and databases: quotes, commas, line ends, NUL, surrogates, a BOM. */
  const nastyText = fc.string({
    unit: fc.constantFrom(
      ...'"",,\r\n\n \t\0\ud800\udfff\ufeffé€😀aZ09-/:T'.split(''),
      '\r\n',
      '""',
      'tobedeleted',
      'district',
    ),
    maxLength: 24,
  });
  const cellBytes = fc.oneof(
    { weight: 3, arbitrary: nastyText.map((s) => Buffer.from(s)) },
    { weight: 2, arbitrary: nastyText.map((s) => Buffer.from(`"${s.replaceAll('"', '""')}"`)) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 32 }).map((b) => Buffer.from(b)) },
    // An unpaired surrogate encoded as UTF-8 would (CESU-8): not UTF-8 at all.
    { weight: 1, arbitrary: fc.constant(Buffer.from([0xed, 0xa0, 0x80])) },
    // Huge: more than the largest record, or just large.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: MAX_RECORD_BYTES + 4096 }), fc.boolean())
        .map(([n, quoted]) => Buffer.from(quoted ? `"${'x'.repeat(n)}"` : 'y'.repeat(n))),
    },
  );

  it('any bytes in any one cell: an import or a clean rejection that changes nothing', async () => {
    const template = buildRosterSet({ tag: 'template' });
    const cell = fc.constantFrom(...Object.keys(template)).chain((file) =>
      fc.record({
        file: fc.constant(file),
        row: fc.nat({ max: template[file]!.length - 1 }),
        column: fc.nat({ max: template[file]![0]!.length - 1 }),
        bytes: cellBytes,
        // A huge repeated cell zipped is refused as a bomb; a folder gets it to the CSV reader.
        zipped: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cell, async ({ file, row, column, bytes, zipped }) => {
        const name = nextDistrict();
        const set = buildRosterSet({ tag: name });
        expectImported(await importZip(await validZip(name, set), name));
        const before = await snapshot();
        const files = serializeSet(set, {
          bytes: { [file]: serializeCsv(set[file]!, { raw: { row, column, bytes } }) },
        });
        const o = zipped
          ? await importZip(await zipFiles(files), name)
          : await importFrom(() => openRosterSource(writeFolder(files)), name);
        if ('result' in o && !o.result.rejected) {
          expect(o.result.rolledBack).toBe(false);
          return;
        }
        expectCleanRejection(o);
        expect(await snapshot()).toEqual(before);
      }),
      params(),
    );
  });

  it('an unclosed quote that swallows the file past the record limit names the file and line', async () => {
    const name = nextDistrict();
    const set = buildRosterSet({ tag: name });
    const users = serializeCsv(set['users.csv']!, {
      raw: { row: 2, column: 4, bytes: Buffer.from(`"${'z'.repeat(MAX_RECORD_BYTES + 10)}`) },
    });
    // A folder: zipped, one repeated letter would be refused as a bomb before it is read.
    const dir = writeFolder(serializeSet(set, { bytes: { 'users.csv': users } }));
    const errors = expectCleanRejection(await importFrom(() => openRosterSource(dir), name));
    expect(errors).toContainEqual({
      file: 'users.csv',
      line: expect.any(Number),
      column: null,
      reason: expect.stringMatching(new RegExp(`larger than ${MAX_RECORD_BYTES} bytes`)),
    });
  });

  it.each([
    ['a NUL in a name', 'users.csv', 2, 'givenName', 'Ana\0Maria'],
    ['a NUL in a sourcedId', 'orgs.csv', 2, 'sourcedId', 'sch\u00001'],
    ['a sourcedId of 3,000 characters', 'courses.csv', 1, 'sourcedId', randomText(3000)],
    ['a username of 3,000 characters', 'users.csv', 3, 'username', randomText(3000)],
  ])(
    '%s is refused cleanly or imported, never a database error',
    async (_, file, row, column, value) => {
      const name = nextDistrict();
      const set = buildRosterSet({ tag: name });
      const at = set[file]![0]!.indexOf(column);
      set[file]![row]![at] = value;
      const before = await snapshot();
      const o = await importZip(await validZip(name, set), name);
      if ('result' in o && !o.result.rejected) return;
      // Refused for the cell itself, or for what it breaks (references to the record).
      expectCleanRejection(o);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('bad bytes in manifest.csv are reported against manifest.csv', async () => {
    const name = nextDistrict();
    const set = buildRosterSet({ tag: name });
    const manifest = serializeCsv(set['manifest.csv']!, {
      raw: { row: 1, column: 1, bytes: Buffer.from([0xe9]) },
    });
    const errors = expectCleanRejection(
      await importZip(
        await zipFiles(serializeSet(set, { bytes: { 'manifest.csv': manifest } })),
        name,
      ),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ file: 'manifest.csv', reason: expect.stringMatching(/not UTF-8/) }),
    );
  });

  describe('encodings (a folder source)', () => {
    const withUsers = (name: string, users: (csv: string) => Buffer) => {
      const set = buildRosterSet({
        tag: name,
        students: [{ given: 'José', family: 'Núñez' }],
      });
      const csv = serializeCsv(set['users.csv']!).toString('utf8');
      return writeFolder(serializeSet(set, { bytes: { 'users.csv': users(csv) } }));
    };

    it('refuses Latin-1 as not UTF-8, naming the file', async () => {
      const name = nextDistrict();
      const before = await snapshot();
      const dir = withUsers(name, (csv) => Buffer.from(csv, 'latin1'));
      const errors = expectCleanRejection(await importFrom(() => openRosterSource(dir), name));
      expect(errors).toContainEqual(
        expect.objectContaining({ file: 'users.csv', reason: expect.stringMatching(/not UTF-8/) }),
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses UTF-16 with a byte-order mark, either byte order, saying it is UTF-16', async () => {
      const le = (csv: string) =>
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
      const be = (csv: string) => le(csv).swap16();
      for (const encode of [le, be]) {
        const name = nextDistrict();
        const errors = expectCleanRejection(
          await importFrom(() => openRosterSource(withUsers(name, encode)), name),
        );
        expect(errors).toContainEqual({
          file: 'users.csv',
          line: 1,
          column: null,
          reason: 'the file is UTF-16; save it as UTF-8',
        });
      }
    });

    it('accepts a UTF-8 byte-order mark and CRLF line ends, reading the same as plain files', async () => {
      const [plain, marked] = [nextDistrict(), nextDistrict()];
      const set = buildRosterSet({ tag: plain, students: [{ given: 'José', family: 'Núñez' }] });
      const a = expectImported(
        await importFrom(() => openRosterSource(writeFolder(serializeSet(set))), plain),
      );
      const bomSet = buildRosterSet({
        tag: marked,
        students: [{ given: 'José', family: 'Núñez' }],
      });
      const files = serializeSet(bomSet, { bom: true, lineEnd: '\r\n' });
      const b = expectImported(
        await importFrom(() => openRosterSource(writeFolder(files)), marked),
      );
      expect(b.report.counts).toEqual(a.report.counts);
      expect(b.report.warnings).toEqual(a.report.warnings);
      const names = await db.kysely
        .selectFrom('people')
        .innerJoin('districts', 'districts.id', 'people.district_id')
        .select(['districts.name as district', 'people.given_name', 'people.family_name'])
        .where('districts.name', 'in', [plain, marked])
        .where('people.kind', '=', 'student')
        .execute();
      expect(names.map((n) => [n.given_name, n.family_name])).toEqual([
        ['José', 'Núñez'],
        ['José', 'Núñez'],
      ]);
    });
  });

  describe('zip bombs', () => {
    const BOMB = 64 * 1024 ** 2;

    it('refuses an entry that expands far past the ratio limit before unpacking it', async () => {
      const name = nextDistrict();
      const files = serializeSet(buildRosterSet({ tag: name }));
      const zip = await zipFiles({ ...files, 'users.csv': repeatedBytes(BOMB) });
      expect(zip.length).toBeLessThan(BOMB / SOURCE_LIMITS.maxRatio);
      const before = await snapshot();
      const rss = process.memoryUsage().rss;
      const errors = expectCleanRejection(await importZip(zip, name));
      // The honest bound: the entry was never unpacked into memory. RSS is noisy (the GC, the
      // database), so this only catches an unpack of the whole entry, not a few megabytes.
      expect(process.memoryUsage().rss - rss).toBeLessThan(BOMB / 2);
      expect(errors).toEqual([
        {
          file: 'users.csv',
          line: null,
          column: null,
          reason: expect.stringMatching(/expands \d+ times when unpacked/),
        },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('stops reading an entry whose directory understates its size (a lying bomb)', async () => {
      const name = nextDistrict();
      const files = serializeSet(buildRosterSet({ tag: name }));
      const zip = await zipFiles({ ...files, 'users.csv': repeatedBytes(BOMB) });
      understateSize(zip, 'users.csv', 1000);
      const before = await snapshot();
      const rss = process.memoryUsage().rss;
      const errors = expectCleanRejection(await importZip(zip, name));
      expect(process.memoryUsage().rss - rss).toBeLessThan(BOMB / 2);
      expect(errors).toContainEqual(
        expect.objectContaining({
          file: 'users.csv',
          reason: expect.stringMatching(/too many bytes/),
        }),
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  /** Valid names: any text that is not blank, quotes, commas and line ends included. */
  const validText = fc
    .string({
      unit: fc.constantFrom(...'aé😀 "\',\n-'.split(''), '\r\n'),
      minLength: 1,
      maxLength: 12,
    })
    .filter((s) => s.trim() !== '');
  const person = fc.record({ given: validText, family: validText });
  const validSet = fc.record({
    students: fc.array(person, { maxLength: 5 }),
    teacher: person,
    classTitle: validText,
    lineEnd: fc.constantFrom('\n' as const, '\r\n' as const),
    bom: fc.boolean(),
  });

  it('a dry run of any valid set changes nothing and counts what the import then does', async () => {
    await fc.assert(
      fc.asyncProperty(validSet, validSet, async (a, b) => {
        const name = nextDistrict();
        const zipOf = (s: typeof a) =>
          zipFiles(
            serializeSet(
              buildRosterSet({
                tag: name,
                students: s.students as StudentSpec[],
                teacherName: s.teacher,
                classTitle: s.classTitle,
              }),
              { lineEnd: s.lineEnd, bom: s.bom },
            ),
          );
        // First a dry run and the import into a new district, then the same for a change to it.
        for (const s of [a, b]) {
          const zip = await zipOf(s);
          const before = await snapshot();
          const dry = expectImported(await importZip(zip, name, true));
          expect(dry.rolledBack).toBe(true);
          expect(await snapshot()).toEqual(before);
          const real = expectImported(await importZip(zip, name));
          expect(real.report.counts).toEqual(dry.report.counts);
          expect(real.report.warnings).toEqual(dry.report.warnings);
        }
        const after = await snapshot();
        const again = expectImported(await importZip(await zipOf(b), name));
        for (const c of Object.values(again.report.counts))
          expect(c).toMatchObject({ added: 0, updated: 0, deactivated: 0 });
        expect(await snapshot()).toEqual(after);
      }),
      params(Math.ceil(RUNS / 4)),
    );
  });
});

/** Rewrites a zip's central directory so `file` claims `size` bytes uncompressed. */
function understateSize(zip: Buffer, file: string, size: number) {
  for (let at = zip.indexOf('PK\x01\x02'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4)) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === file) {
      zip.writeUInt32LE(size, at + 24);
      return;
    }
  }
  throw new Error(`${file} is not in the zip`);
}

/** Text that does not compress: an index cannot shrink it. */
function randomText(length: number): string {
  return randomBytes(length).toString('base64').slice(0, length);
}
