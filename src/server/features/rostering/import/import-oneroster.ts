// Imports a OneRoster CSV set into one district, in one transaction. Files are streamed row by
// row and written in batches, so memory holds the batch and a map of sourcedId → id per record
// kind (orgs, sessions, courses, classes, users), never a whole file. A bulk file is the whole
// truth: records it leaves out are deactivated, never deleted, and come back if they return. A
// delta file applies `active` / `tobedeleted` unless Rapport holds a newer dateLastModified.
// Any error rolls everything back; a dry run rolls back after counting what would change.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EntityCounts, RosterEntity } from '../../../../contracts/rostering.js';
import { RosterEntities } from '../../../../contracts/rostering.js';
import { accountRole, personKind } from '../../../../domain/oneroster/roles.js';
import { COLUMNS, type RosterFile } from '../../../../domain/oneroster/spec.js';
import type { Db } from '../../../platform/db/database.js';
import { timeOrderedId } from '../../../platform/db/ids.js';
import type { Database } from '../../../platform/db/schema.js';
import {
  decodeExtra,
  encodeExtra,
  type ClassExtra,
  type CourseExtra,
  type PersonExtra,
  type RosterRole,
} from '../roster-extra.js';
import { CsvReadError } from './csv-reader.js';
import { Findings } from './findings.js';
import {
  importRepository,
  type ImportRepository,
  type RosterTable,
  type StoredRow,
} from './import.repository.js';
import type { ImportOptions, ImportResult } from './import-types.js';
import { readManifest, type FileMode, type Manifest } from './manifest.js';
import { readRosterBatches, readRosterRows, type RosterRow } from './rows.js';
import { RosterSourceError, type RosterSource } from './source.js';

// Rows per statement: 1,000 rows of at most 20 columns stay under SQLite's 32,766 bound
// parameters and PostgreSQL's 65,535.
const BATCH = 1000;
const DEFAULT_TIME_ZONE = 'America/New_York';

interface Ref {
  id: string;
  active: number;
  /** Read from a file of this import. */
  seen: boolean;
  orgType?: string;
  kind?: string;
}

interface Item {
  line: number;
  sourcedId: string;
  active: 0 | 1;
  modifiedAt: string | null;
  row: Record<string, unknown>;
}

class Rollback extends Error {}

const emptyCounts = (): EntityCounts => ({ added: 0, updated: 0, deactivated: 0, unchanged: 0 });
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

const KIND_NOUN: Record<string, string> = {
  staff: 'staff member',
  student: 'student',
  guardian: 'guardian',
};

const NOUN: Record<string, string> = {
  orgs: 'org',
  academicSessions: 'academic session',
  courses: 'course',
  classes: 'class',
  users: 'user',
};

/** Imports a OneRoster set from `source`. Never throws for bad files: they are in the report. */
export async function importOneRoster(
  db: Db,
  source: RosterSource,
  opts: ImportOptions,
): Promise<ImportResult> {
  const findings = new Findings();
  const counts = Object.fromEntries(RosterEntities.map((e) => [e, emptyCounts()])) as Record<
    RosterEntity,
    EntityCounts
  >;
  let manifest: Manifest | null = null;
  let rowsRead = 0;
  let districtId: string | null = null;
  let committed = false;
  // The file being read, for errors that end a read (a broken quote, bad bytes). One per
  // import: imports may run side by side.
  const current = { name: 'manifest.csv' };
  try {
    manifest = await readManifest(source, findings);
    // A manifest with errors still names the version: read on, so one report lists everything.
    if (manifest) {
      const m = manifest;
      const districtOrg = await peekDistrictOrg(source, m, current);
      if (db.dialect === 'sqlite') await importRepository(db.kysely).enlargeCaches();
      await db.kysely.transaction().execute(async (trx) => {
        const run = new ImportRun(trx, db.dialect, m, findings, counts, opts, source, current);
        districtId = await run.resolveDistrict(districtOrg);
        await run.execute();
        rowsRead = run.rowsRead;
        if (findings.rejected || opts.dryRun) throw new Rollback();
      });
      committed = true;
    }
  } catch (err) {
    if (err instanceof CsvReadError) findings.error(current.name, err.line, null, err.message);
    else if (err instanceof RosterSourceError) findings.error(err.file, null, null, err.message);
    else if (!(err instanceof Rollback)) throw err;
  } finally {
    await source.close();
    if (db.dialect === 'sqlite') await importRepository(db.kysely).restoreCaches();
  }
  return {
    rolledBack: !committed,
    rejected: findings.rejected,
    districtId: committed || opts.dryRun ? districtId : null,
    report: {
      version: manifest?.version ?? null,
      files: manifest?.modes ?? {},
      counts,
      rowsRead,
      errors: findings.errors,
      warnings: findings.warnings(),
      errorCount: findings.errorCount,
      warningCount: findings.warningCount,
    },
  };
}

/** The district org in orgs.csv, read before the import to name a district it creates. */
async function peekDistrictOrg(source: RosterSource, m: Manifest, current: { name: string }) {
  const name = m.names.orgs;
  if (!name) return null;
  const quiet = new Findings();
  current.name = 'orgs.csv';
  for await (const row of readRosterRows(
    source,
    name,
    'orgs.csv',
    COLUMNS[m.version].orgs!,
    m.modes.orgs ?? 'bulk',
    quiet,
  )) {
    if (row.str('type') === 'district')
      return { sourcedId: row.str('sourcedId')!, name: row.str('name')! };
  }
  return null;
}

class ImportRun {
  private readonly repo: ImportRepository;
  private districtId = '';
  private districtSourcedId: string | null = null;
  private readonly refs: Record<
    'orgs' | 'academicSessions' | 'courses' | 'classes' | 'users',
    Map<string, Ref>
  > = {
    orgs: new Map(),
    academicSessions: new Map(),
    courses: new Map(),
    classes: new Map(),
    users: new Map(),
  };
  /** 1.2 roles by user sourcedId, read from roles.csv before users.csv. */
  private readonly roles = new Map<string, { roles: RosterRole[]; line: number }>();
  /** agentSourcedIds, resolved once every user is known. */
  private readonly agents: Array<{ user: string; agent: string; line: number }> = [];
  /** The OneRoster role of each guardian-kind user, for the guardianship's relationship. */
  private readonly guardianRoles = new Map<string, string>();
  private readonly now: string;
  /** `file:sourcedId` of rows rejected with an error, so references to them add no noise. */
  private readonly rejected = new Set<string>();
  rowsRead = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Db['dialect'],
    private readonly m: Manifest,
    private readonly findings: Findings,
    private readonly counts: Record<RosterEntity, EntityCounts>,
    private readonly opts: ImportOptions,
    private readonly source: RosterSource,
    private readonly current: { name: string },
  ) {
    this.repo = importRepository(db);
    this.now = (opts.now?.() ?? new Date()).toISOString();
  }

  private mode(file: RosterFile): FileMode {
    return (this.m.modes[file] as FileMode | undefined) ?? 'absent';
  }

  async resolveDistrict(districtOrg: { sourcedId: string; name: string } | null): Promise<string> {
    const create = async (name: string) => {
      const id = randomUUID();
      await this.repo.insertDistrict({
        id,
        name,
        timezone: this.opts.timeZone ?? DEFAULT_TIME_ZONE,
        sourced_id: null,
        created_at: this.now,
      });
      return id;
    };
    if (this.opts.districtId) {
      const d = await this.repo.districtById(this.opts.districtId);
      if (!d) throw new Error(`district ${this.opts.districtId} does not exist`);
      this.districtSourcedId = d.sourced_id;
      return (this.districtId = d.id);
    }
    if (this.opts.districtName) {
      const found = await this.repo.districtByName(this.opts.districtName);
      if (found.length > 1)
        throw new RosterSourceError(
          '--district',
          `${found.length} districts are named "${this.opts.districtName}"`,
        );
      this.districtSourcedId = found[0]?.sourced_id ?? null;
      return (this.districtId = found[0]?.id ?? (await create(this.opts.districtName)));
    }
    const all = await this.repo.districts(2);
    if (all.length > 1)
      throw new RosterSourceError(
        '--district',
        'this database holds several districts; name the one to import into (--district)',
      );
    if (all.length === 1) {
      this.districtSourcedId = all[0]!.sourced_id;
      return (this.districtId = all[0]!.id);
    }
    return (this.districtId = await create(districtOrg?.name ?? 'Imported district'));
  }

  async execute(): Promise<void> {
    await this.repo.createSeen(this.dialect);
    await this.loadRefs();
    await this.file('orgs', (rows) => this.orgs(rows));
    await this.deactivateMissing('orgs', 'schools', 'orgs');
    await this.file('academicSessions', (rows) => this.sessions(rows));
    await this.deactivateMissing('academicSessions', 'terms', 'academicSessions');
    await this.file('courses', (rows) => this.courses(rows));
    await this.deactivateMissing('courses', 'courses', 'courses');
    await this.file('classes', (rows) => this.classes(rows));
    await this.deactivateMissing('classes', 'classes', 'classes');
    if (this.m.version === '1.2') await this.file('roles', async (rows) => this.readRoles(rows));
    await this.file('users', (rows) => this.users(rows));
    this.checkRolesUsers();
    await this.deactivateMissing('users', 'people', 'users');
    await this.file('demographics', (rows) => this.demographics(rows));
    await this.deactivateMissingDemographics();
    await this.file('enrollments', (rows) => this.enrollments(rows));
    await this.deactivateMissing('enrollments', 'enrollments', 'enrollments');
    await this.guardianships();
    await this.deactivateAccountsOfInactivePeople();
    await this.repo.dropSeen();
  }

  private async loadRefs() {
    const load = async (key: keyof ImportRun['refs'], table: RosterTable) => {
      for (const r of await this.repo.refs(table, this.districtId))
        this.refs[key].set(r.sourced_id, {
          id: r.id,
          active: Number(r.active),
          seen: false,
          ...(r.org_type ? { orgType: r.org_type } : {}),
          ...(r.kind ? { kind: r.kind } : {}),
        });
    };
    await load('orgs', 'schools');
    await load('academicSessions', 'terms');
    await load('courses', 'courses');
    await load('classes', 'classes');
    await load('users', 'people');
  }

  /** Streams a file in batches through `handle`. */
  private async file(file: RosterFile, handle: (rows: RosterRow[]) => Promise<void>) {
    const name = this.m.names[file];
    const spec = COLUMNS[this.m.version][file];
    if (!name || !spec) return;
    const label = `${file}.csv`;
    this.current.name = label;
    let batch: RosterRow[] = [];
    for await (const rows of readRosterBatches(
      this.source,
      name,
      label,
      spec,
      this.mode(file),
      this.findings,
      (rows) => this.opts.onProgress?.({ file: label, rows }),
      (sourcedId) => this.rejected.add(`${file}:${sourcedId}`),
    )) {
      for (const row of rows) {
        batch.push(row);
        if (batch.length >= BATCH) {
          await handle(batch);
          this.rowsRead += batch.length;
          batch = [];
        }
      }
    }
    if (batch.length) await handle(batch);
    this.rowsRead += batch.length;
  }

  /** A reference to another record, or undefined with an error or warning. */
  private resolve(
    kind: keyof ImportRun['refs'],
    sourcedId: string,
    at: { file: string; line: number; column: string },
    required: boolean,
  ): Ref | undefined {
    const ref = this.refs[kind].get(sourcedId);
    const fileMode = this.mode(kind);
    if (ref && (ref.seen || fileMode !== 'bulk')) return ref;
    // The record's own row was rejected: that error says it all.
    if (this.rejected.has(`${kind}:${sourcedId}`)) return undefined;
    const where =
      fileMode === 'bulk'
        ? `${kind}.csv`
        : fileMode === 'delta'
          ? `${kind}.csv or in Rapport`
          : `Rapport (${kind}.csv is absent)`;
    const reason = `no ${NOUN[kind]} "${sourcedId}" in ${where}`;
    if (required) this.findings.error(at.file, at.line, at.column, reason);
    else this.findings.warn(at.file, at.line, at.column, `${reason}; left out`);
    return undefined;
  }

  private item(r: RosterRow, row: Record<string, unknown>): Item {
    return {
      line: r.line,
      sourcedId: r.str('sourcedId')!,
      active: r.str('status') === 'tobedeleted' ? 0 : 1,
      modifiedAt: r.str('dateLastModified'),
      row,
    };
  }

  /**
   * Writes a batch of one record kind: duplicates are errors, stale delta rows are skipped,
   * and new and changed rows are upserted in one statement. Returns the id of each row written.
   */
  private async write(
    entity: RosterEntity,
    table: RosterTable,
    file: string,
    items: Item[],
    compare: string[],
    existingRows?: StoredRow[],
  ): Promise<Map<string, { id: string; active: 0 | 1 }>> {
    const counts = this.counts[entity];
    const again = await this.repo.claimSeen(
      entity,
      items.map((i) => ({ key: i.sourcedId, line: i.line })),
    );
    const fresh: Item[] = [];
    for (const it of items) {
      const first = again.get(it.line);
      if (first !== undefined) {
        this.findings.error(
          file,
          it.line,
          'sourcedId',
          `the sourcedId "${it.sourcedId}" is also on line ${first}; each record needs its own`,
        );
        continue;
      }
      fresh.push(it);
    }
    const existing = new Map(
      (
        existingRows ??
        (await this.repo.bySourcedIds(
          table,
          this.districtId,
          fresh.map((i) => i.sourcedId),
        ))
      ).map((r) => [r.sourced_id as string, r]),
    );
    const upserts: Array<Record<string, unknown>> = [];
    const written = new Map<string, { id: string; active: 0 | 1 }>();
    const isDelta = file !== '' && this.mode(file.replace(/\.csv$/, '') as RosterFile) === 'delta';
    for (const it of fresh) {
      const ex = existing.get(it.sourcedId);
      if (!ex) {
        counts.added++;
        const id = timeOrderedId();
        upserts.push(this.fullRow(table, id, it));
        written.set(it.sourcedId, { id, active: it.active });
        continue;
      }
      if (
        isDelta &&
        ex.source_modified_at &&
        it.modifiedAt &&
        it.modifiedAt < ex.source_modified_at
      ) {
        counts.unchanged++;
        this.findings.warn(
          file,
          it.line,
          'dateLastModified',
          'older than the record Rapport holds; the row was skipped',
        );
        written.set(it.sourcedId, { id: ex.id, active: Number(ex.active) as 0 | 1 });
        continue;
      }
      written.set(it.sourcedId, { id: ex.id, active: it.active });
      const changed = compare.some((c) => !same(ex[c], it.row[c]));
      const wasActive = Number(ex.active) === 1;
      if (!changed && wasActive === (it.active === 1)) {
        if (!same(ex.source_modified_at, it.modifiedAt))
          upserts.push(this.fullRow(table, ex.id, it));
        counts.unchanged++;
        continue;
      }
      if (wasActive && it.active === 0) counts.deactivated++;
      else counts.updated++;
      upserts.push(this.fullRow(table, ex.id, it));
    }
    await this.repo.upsert(table, upserts, [...compare, 'active', 'source_modified_at']);
    return written;
  }

  private fullRow(table: RosterTable, id: string, it: Item) {
    return {
      district_id: this.districtId,
      // Enrollments are keyed by class and person and have no id of their own.
      ...(table === 'enrollments' ? {} : { id }),
      sourced_id: it.sourcedId,
      active: it.active,
      source_modified_at: it.modifiedAt,
      ...it.row,
    };
  }

  private remember(
    kind: keyof ImportRun['refs'],
    written: Map<string, { id: string; active: 0 | 1 }>,
    extra: (sourcedId: string) => Partial<Ref> = () => ({}),
  ) {
    for (const [sid, w] of written)
      this.refs[kind].set(sid, { id: w.id, active: w.active, seen: true, ...extra(sid) });
  }

  private async deactivateMissing(file: RosterFile, table: RosterTable, entity: RosterEntity) {
    if (this.mode(file) !== 'bulk') return;
    const n = await this.repo.countMissing(table, this.districtId, entity);
    if (n === 0) return;
    this.counts[entity].deactivated += n;
    await this.repo.deactivateMissing(table, this.districtId, entity);
  }

  // ---------------------------------------------------------------------------------------

  private async orgs(rows: RosterRow[]) {
    const items: Item[] = [];
    const types = new Map<string, string>();
    for (const r of rows) {
      const type = r.str('type')!;
      const sid = r.str('sourcedId')!;
      if (type === 'district') {
        if (this.districtSourcedId && this.districtSourcedId !== sid) {
          this.findings.error(
            'orgs.csv',
            r.line,
            'sourcedId',
            `these files are for the district org "${sid}", but this district was imported from "${this.districtSourcedId}"; import into another district (--district)`,
          );
          continue;
        }
        if (!this.districtSourcedId) {
          this.districtSourcedId = sid;
          await this.repo.setDistrictSourcedId(this.districtId, sid);
        }
      }
      types.set(sid, type);
      items.push(
        this.item(r, {
          name: r.str('name'),
          level: 'other',
          org_type: type,
          identifier: r.str('identifier'),
          parent_sourced_id: r.str('parentSourcedId'),
        }),
      );
    }
    const written = await this.write('orgs', 'schools', 'orgs.csv', items, [
      'name',
      'org_type',
      'identifier',
      'parent_sourced_id',
    ]);
    this.remember('orgs', written, (sid) => ({ orgType: types.get(sid)! }));
  }

  private async sessions(rows: RosterRow[]) {
    const items: Item[] = [];
    for (const r of rows) {
      const start = r.str('startDate')!;
      const end = r.str('endDate')!;
      if (end < start) {
        this.findings.error(
          'academicSessions.csv',
          r.line,
          'endDate',
          `ends (${end}) before it starts (${start})`,
        );
        continue;
      }
      items.push(
        this.item(r, {
          name: r.str('title'),
          start_date: start,
          end_date: end,
          session_type: r.str('type'),
          parent_sourced_id: r.str('parentSourcedId'),
          school_year: r.str('schoolYear'),
        }),
      );
    }
    const written = await this.write('academicSessions', 'terms', 'academicSessions.csv', items, [
      'name',
      'start_date',
      'end_date',
      'session_type',
      'parent_sourced_id',
      'school_year',
    ]);
    this.remember('academicSessions', written);
  }

  private async courses(rows: RosterRow[]) {
    const items: Item[] = [];
    for (const r of rows) {
      const at = { file: 'courses.csv', line: r.line, column: 'orgSourcedId' };
      const org = this.resolve('orgs', r.str('orgSourcedId')!, at, true);
      if (!org) continue;
      const year = r.str('schoolYearSourcedId');
      if (year)
        this.resolve('academicSessions', year, { ...at, column: 'schoolYearSourcedId' }, false);
      const extra: CourseExtra = {
        ...(year ? { schoolYearSourcedId: year } : {}),
        grades: r.list('grades'),
        subjects: r.list('subjects'),
        subjectCodes: r.list('subjectCodes'),
      };
      items.push(
        this.item(r, {
          school_id: org.id,
          title: r.str('title'),
          code: r.str('courseCode'),
          extra: encodeExtra(extra),
        }),
      );
    }
    const written = await this.write('courses', 'courses', 'courses.csv', items, [
      'school_id',
      'title',
      'code',
      'extra',
    ]);
    this.remember('courses', written);
  }

  /** Courses that classes name when the set has no courses.csv: made from the class. */
  private async placeholderCourses(rows: RosterRow[]) {
    if (this.mode('courses') !== 'absent') return;
    const items: Item[] = [];
    const wanted = new Set<string>();
    for (const r of rows) {
      const sid = r.str('courseSourcedId')!;
      if (this.refs.courses.has(sid) || wanted.has(sid)) continue;
      const school = this.refs.orgs.get(r.str('schoolSourcedId')!);
      if (!school) continue;
      wanted.add(sid);
      this.findings.warn(
        'classes.csv',
        r.line,
        'courseSourcedId',
        'the course is not in Rapport and the set has no courses.csv; a course was made from the class title',
      );
      items.push({
        line: r.line,
        sourcedId: sid,
        active: 1,
        modifiedAt: null,
        row: {
          school_id: school.id,
          title: r.str('title'),
          code: null,
          extra: encodeExtra({ placeholder: true } satisfies CourseExtra),
        },
      });
    }
    if (items.length === 0) return;
    const written = await this.write('courses', 'courses', '', items, [
      'school_id',
      'title',
      'code',
      'extra',
    ]);
    this.remember('courses', written);
  }

  private async classes(rows: RosterRow[]) {
    await this.placeholderCourses(rows);
    const items: Item[] = [];
    for (const r of rows) {
      const at = (column: string) => ({ file: 'classes.csv', line: r.line, column });
      const course = this.resolve(
        'courses',
        r.str('courseSourcedId')!,
        at('courseSourcedId'),
        true,
      );
      const school = this.resolve('orgs', r.str('schoolSourcedId')!, at('schoolSourcedId'), true);
      const termIds = r.list('termSourcedIds');
      const terms = termIds.flatMap((t) => {
        const ref = this.refs.academicSessions.get(t);
        return ref && (ref.seen || this.mode('academicSessions') !== 'bulk') ? [ref] : [];
      });
      if (terms.length === 0)
        this.findings.error(
          'classes.csv',
          r.line,
          'termSourcedIds',
          `none of the class's academic sessions (${termIds.join(', ')}) is in academicSessions.csv${this.mode('academicSessions') === 'bulk' ? '' : ' or in Rapport'}`,
        );
      else if (terms.length < termIds.length)
        for (const t of termIds)
          if (!this.refs.academicSessions.has(t))
            this.resolve('academicSessions', t, at('termSourcedIds'), false);
      if (!course || !school || terms.length === 0) continue;
      if (school.orgType && school.orgType !== 'school')
        this.findings.warn(
          'classes.csv',
          r.line,
          'schoolSourcedId',
          `the org is a ${school.orgType}, not a school; used as the class's school`,
        );
      const extra: ClassExtra = {
        termSourcedIds: termIds,
        grades: r.list('grades'),
        ...(r.str('classCode') ? { classCode: r.str('classCode')! } : {}),
        classType: r.str('classType')!,
        subjects: r.list('subjects'),
        subjectCodes: r.list('subjectCodes'),
        periods: r.list('periods'),
      };
      items.push(
        this.item(r, {
          school_id: school.id,
          course_id: course.id,
          term_id: terms[0]!.id,
          title: r.str('title'),
          period: r.list('periods').join(', ') || null,
          room: r.str('location'),
          extra: encodeExtra(extra),
        }),
      );
    }
    const written = await this.write('classes', 'classes', 'classes.csv', items, [
      'school_id',
      'course_id',
      'term_id',
      'title',
      'period',
      'room',
      'extra',
    ]);
    this.remember('classes', written);
  }

  private async readRoles(rows: RosterRow[]) {
    for (const r of rows) {
      if (r.str('status') === 'tobedeleted') continue;
      const org = r.str('orgSourcedId')!;
      if (
        !this.resolve(
          'orgs',
          org,
          { file: 'roles.csv', line: r.line, column: 'orgSourcedId' },
          true,
        )
      )
        continue;
      const user = r.str('userSourcedId')!;
      const role: RosterRole = {
        sourcedId: r.str('sourcedId')!,
        roleType: r.str('roleType') as RosterRole['roleType'],
        role: r.str('role')!,
        orgSourcedId: org,
        ...(r.str('beginDate') ? { beginDate: r.str('beginDate')! } : {}),
        ...(r.str('endDate') ? { endDate: r.str('endDate')! } : {}),
        ...(r.str('userProfileSourcedId')
          ? { userProfileSourcedId: r.str('userProfileSourcedId')! }
          : {}),
      };
      const known = this.roles.get(user);
      if (known) known.roles.push(role);
      else this.roles.set(user, { roles: [role], line: r.line });
    }
  }

  private checkRolesUsers() {
    for (const [user, { line }] of this.roles)
      if (!this.refs.users.has(user) && !this.rejected.has(`users:${user}`))
        this.findings.error(
          'roles.csv',
          line,
          'userSourcedId',
          `no user "${user}" in users.csv or in Rapport`,
        );
  }

  private async users(rows: RosterRow[]) {
    const existingRows = await this.repo.bySourcedIds(
      'people',
      this.districtId,
      rows.map((r) => r.str('sourcedId')!),
    );
    const existing = new Map(existingRows.map((p) => [p.sourced_id as string, p]));
    const items: Item[] = [];
    const accounts: Array<{ item: Item; role: string; enabled: boolean }> = [];
    let passwords = 0;
    for (const r of rows) {
      const sid = r.str('sourcedId')!;
      const at = (column: string) => ({ file: 'users.csv', line: r.line, column });
      const prior = decodeExtra<PersonExtra>(
        existing.get(sid)?.extra as string | null | undefined,
        {
          enabledUser: true,
          roles: [],
        },
      );
      let roles: RosterRole[];
      let orgIds: string[];
      if (this.m.version === '1.1') {
        orgIds = r.list('orgSourcedIds');
        roles = orgIds.map((org, i) => ({
          roleType: i === 0 ? 'primary' : 'secondary',
          role: r.str('role')!,
          orgSourcedId: org,
        }));
      } else {
        roles = this.roles.get(sid)?.roles ?? (this.mode('roles') === 'bulk' ? [] : prior.roles);
        orgIds = [...new Set(roles.map((x) => x.orgSourcedId))];
      }
      if (roles.length === 0) {
        this.findings.error(
          'users.csv',
          r.line,
          'sourcedId',
          'the user has no role in roles.csv, so Rapport cannot tell a student from a teacher',
        );
        continue;
      }
      const primary = roles.find((x) => x.roleType === 'primary') ?? roles[0]!;
      const orgs = orgIds.flatMap((o) => {
        const ref = this.resolve(
          'orgs',
          o,
          at(this.m.version === '1.1' ? 'orgSourcedIds' : 'orgSourcedId'),
          this.m.version === '1.1',
        );
        return ref ? [ref] : [];
      });
      if (this.m.version === '1.1' && orgs.length < orgIds.length) continue;
      const primaryOrgId = r.str('primaryOrgSourcedId') ?? primary.orgSourcedId;
      const primaryOrg = this.refs.orgs.get(primaryOrgId);
      if (r.str('primaryOrgSourcedId') && !primaryOrg)
        this.resolve('orgs', primaryOrgId, at('primaryOrgSourcedId'), false);
      const school =
        primaryOrg && primaryOrg.orgType !== 'district'
          ? primaryOrg
          : orgs.find((o) => o.orgType !== 'district');
      if (r.str('password')) passwords++;
      const kind = personKind(primary.role);
      if (kind === 'guardian') this.guardianRoles.set(sid, primary.role);
      for (const agent of r.list('agentSourcedIds'))
        this.agents.push({ user: sid, agent, line: r.line });
      const extra: PersonExtra = {
        enabledUser: r.get('enabledUser') !== false,
        userIds: r.list('userIds'),
        ...(r.str('sms') ? { sms: r.str('sms')! } : {}),
        ...(r.str('phone') ? { phone: r.str('phone')! } : {}),
        agentSourcedIds: r.list('agentSourcedIds'),
        grades: r.list('grades'),
        orgSourcedIds: orgIds,
        ...(r.str('primaryOrgSourcedId')
          ? { primaryOrgSourcedId: r.str('primaryOrgSourcedId')! }
          : {}),
        roles,
        ...(r.str('userMasterIdentifier')
          ? { userMasterIdentifier: r.str('userMasterIdentifier')! }
          : {}),
        ...(r.str('preferredMiddleName')
          ? { preferredMiddleName: r.str('preferredMiddleName')! }
          : {}),
        ...(r.str('preferredFamilyName')
          ? { preferredFamilyName: r.str('preferredFamilyName')! }
          : {}),
      };
      const item = this.item(r, {
        kind,
        given_name: r.str('givenName'),
        family_name: r.str('familyName'),
        middle_name: r.str('middleName'),
        preferred_name: r.str('preferredGivenName'),
        pronouns: r.str('pronouns'),
        email: r.str('email'),
        grade: r.list('grades')[0] ?? null,
        school_id: school?.id ?? null,
        username: r.str('username'),
        identifier: r.str('identifier'),
        extra: encodeExtra(extra),
      });
      items.push(item);
      accounts.push({ item, role: primary.role, enabled: extra.enabledUser });
    }
    const kinds = new Map(items.map((i) => [i.sourcedId, i.row.kind as string]));
    if (passwords > 0)
      this.findings.warn(
        'users.csv',
        null,
        'password',
        `${passwords} password(s) in the file were not stored: Rapport never keeps roster passwords`,
      );
    const written = await this.write(
      'users',
      'people',
      'users.csv',
      items,
      [
        'kind',
        'given_name',
        'family_name',
        'middle_name',
        'preferred_name',
        'pronouns',
        'email',
        'grade',
        'school_id',
        'username',
        'identifier',
        'extra',
      ],
      existingRows.filter((p) => kinds.has(p.sourced_id ?? '')),
    );
    this.remember('users', written, (sid) => ({
      kind: kinds.get(sid)!,
    }));
    await this.accounts(accounts, written);
  }

  /** Sign-in accounts for roster people, by username; a name taken elsewhere is reported. */
  private async accounts(
    list: Array<{ item: Item; role: string; enabled: boolean }>,
    written: Map<string, { id: string; active: 0 | 1 }>,
  ) {
    const counts = this.counts.accounts;
    const wanted = list.filter((a) => written.has(a.item.sourcedId));
    const byName = new Map(
      (
        await this.repo.accountsByUsername(
          wanted.map((a) => String(a.item.row.username).toLowerCase()),
        )
      ).map((a) => [a.username, a]),
    );
    const inserts: Database['accounts'][] = [];
    for (const { item, role, enabled } of wanted) {
      const username = String(item.row.username).toLowerCase();
      const person = written.get(item.sourcedId)!;
      const want = {
        email: (item.row.email as string | null) ?? null,
        role: accountRole(role),
        school_id: (item.row.school_id as string | null) ?? null,
        active: (person.active === 1 && enabled ? 1 : 0) as 0 | 1,
      };
      const ex = byName.get(username);
      if (!ex) {
        if (inserts.some((a) => a.username === username)) {
          this.findings.warn(
            'users.csv',
            item.line,
            'username',
            `the username "${username}" is used by two users; only the first can sign in`,
          );
          continue;
        }
        counts.added++;
        inserts.push({
          district_id: this.districtId,
          id: timeOrderedId(),
          person_id: person.id,
          username,
          locale: 'en',
          password_hash: null,
          created_at: this.now,
          ...want,
        });
        continue;
      }
      if (ex.district_id !== this.districtId || ex.person_id !== person.id) {
        this.findings.warn(
          'users.csv',
          item.line,
          'username',
          `the username "${username}" already belongs to another account; this user gets no sign-in`,
        );
        continue;
      }
      if (
        same(ex.email, want.email) &&
        ex.role === want.role &&
        same(ex.school_id, want.school_id) &&
        Number(ex.active) === want.active
      ) {
        counts.unchanged++;
        continue;
      }
      if (Number(ex.active) === 1 && want.active === 0) counts.deactivated++;
      else counts.updated++;
      await this.repo.updateAccount(this.districtId, ex.id, want);
    }
    await this.repo.insertAccounts(inserts);
  }

  private async demographics(rows: RosterRow[]) {
    const counts = this.counts.demographics;
    const items: Array<{ line: number; sid: string; row: Database['demographics'] }> = [];
    for (const r of rows) {
      const sid = r.str('sourcedId')!;
      const user = this.resolve(
        'users',
        sid,
        { file: 'demographics.csv', line: r.line, column: 'sourcedId' },
        true,
      );
      if (!user) continue;
      const flag = (c: string) => {
        const v = r.get(c);
        return v === null ? null : String(v);
      };
      items.push({
        line: r.line,
        sid,
        row: {
          district_id: this.districtId,
          person_id: user.id,
          birth_date: r.str('birthDate'),
          sex: r.str('sex'),
          american_indian_or_alaska_native: flag('americanIndianOrAlaskaNative'),
          asian: flag('asian'),
          black_or_african_american: flag('blackOrAfricanAmerican'),
          native_hawaiian_or_other_pacific_islander: flag('nativeHawaiianOrOtherPacificIslander'),
          white: flag('white'),
          two_or_more_races: flag('demographicRaceTwoOrMoreRaces'),
          hispanic_or_latino: flag('hispanicOrLatinoEthnicity'),
          country_of_birth_code: r.str('countryOfBirthCode'),
          state_of_birth_abbreviation: r.str('stateOfBirthAbbreviation'),
          city_of_birth: r.str('cityOfBirth'),
          public_school_residence_status: r.str('publicSchoolResidenceStatus'),
          active: r.str('status') === 'tobedeleted' ? 0 : 1,
          source_modified_at: r.str('dateLastModified'),
        },
      });
    }
    const again = await this.repo.claimSeen(
      'demographics',
      items.map((i) => ({ key: i.sid, line: i.line })),
    );
    const fresh = items.filter((i) => {
      const first = again.get(i.line);
      if (first === undefined) return true;
      this.findings.error(
        'demographics.csv',
        i.line,
        'sourcedId',
        `the user "${i.sid}" also has demographics on line ${first}`,
      );
      return false;
    });
    const existing = new Map(
      (
        await this.repo.demographicsOf(
          this.districtId,
          fresh.map((i) => i.row.person_id),
        )
      ).map((d) => [d.person_id, d]),
    );
    const compare = Object.keys(fresh[0]?.row ?? {}).filter(
      (k) => !['district_id', 'person_id', 'source_modified_at'].includes(k),
    );
    const upserts: Database['demographics'][] = [];
    for (const { row } of fresh) {
      const ex = existing.get(row.person_id) as Record<string, unknown> | undefined;
      if (!ex) counts.added++;
      else if (compare.every((c) => same(ex[c], (row as unknown as Record<string, unknown>)[c]))) {
        counts.unchanged++;
        if (same(ex.source_modified_at, row.source_modified_at)) continue;
      } else if (Number(ex.active) === 1 && row.active === 0) counts.deactivated++;
      else counts.updated++;
      upserts.push(row);
    }
    await this.repo.upsertDemographics(upserts, [...compare, 'source_modified_at']);
  }

  private async deactivateMissingDemographics() {
    if (this.mode('demographics') !== 'bulk') return;
    const missing = await this.repo.missingDemographics(this.districtId);
    this.counts.demographics.deactivated += missing.length;
    await this.repo.deactivateDemographics(
      this.districtId,
      missing.map((m) => m.person_id),
    );
  }

  private async enrollments(rows: RosterRow[]) {
    const items: Item[] = [];
    for (const r of rows) {
      const at = (column: string) => ({ file: 'enrollments.csv', line: r.line, column });
      const cls = this.resolve('classes', r.str('classSourcedId')!, at('classSourcedId'), true);
      const user = this.resolve('users', r.str('userSourcedId')!, at('userSourcedId'), true);
      this.resolve('orgs', r.str('schoolSourcedId')!, at('schoolSourcedId'), false);
      const begin = r.str('beginDate');
      const end = r.str('endDate');
      if (begin && end && end < begin) {
        this.findings.error(
          'enrollments.csv',
          r.line,
          'endDate',
          `ends (${end}) before it begins (${begin})`,
        );
        continue;
      }
      if (!cls || !user) continue;
      const role = r.str('role')!;
      if (
        (role === 'student') !== (user.kind === 'student') &&
        (role === 'student' || role === 'teacher')
      )
        this.findings.warn(
          'enrollments.csv',
          r.line,
          'role',
          `a ${KIND_NOUN[user.kind ?? 'staff']} enrolled as a ${role}; imported as written`,
        );
      if (cls.active === 0)
        this.findings.warn(
          'enrollments.csv',
          r.line,
          'classSourcedId',
          'the class is marked tobedeleted; the enrollment is kept but the class is not shown',
        );
      const primary = r.get('primary');
      items.push(
        this.item(r, {
          class_id: cls.id,
          person_id: user.id,
          role,
          begin_date: begin,
          end_date: end,
          is_primary: primary === null ? null : primary === 'true' ? 1 : 0,
        }),
      );
    }
    // One row per (class, person): a second enrollment of the same user in the same class is
    // merged into the first; an old row for the pair under another sourcedId takes the new one.
    const wantedPairs = new Set(items.map((i) => `${i.row.class_id}|${i.row.person_id}`));
    const byPair = new Map<string, Database['enrollments']>();
    for (const e of await this.repo.enrollmentsOf(this.districtId, [
      ...new Set(items.map((i) => i.row.person_id as string)),
    ])) {
      const key = `${e.class_id}|${e.person_id}`;
      if (wantedPairs.has(key)) byPair.set(key, e);
    }
    // Only a pair held under another sourcedId can be a second enrollment of the same user.
    const bySid = new Map(items.map((i) => [`${i.row.class_id}|${i.row.person_id}`, i.sourcedId]));
    const seen = await this.repo.seenLines(
      'enrollments',
      [...byPair.entries()].flatMap(([key, e]) =>
        e.sourced_id && e.sourced_id !== bySid.get(key) ? [e.sourced_id] : [],
      ),
    );
    const kept: Item[] = [];
    const pairsInBatch = new Map<string, Item>();
    for (const it of items) {
      const key = `${it.row.class_id}|${it.row.person_id}`;
      const other = pairsInBatch.get(key);
      const ex = byPair.get(key);
      const firstLine = other?.line ?? (ex?.sourced_id ? seen.get(ex.sourced_id) : undefined);
      if (firstLine !== undefined && (other?.sourcedId ?? ex?.sourced_id) !== it.sourcedId) {
        this.findings.warn(
          'enrollments.csv',
          it.line,
          'sourcedId',
          `the user is already enrolled in this class by line ${firstLine}; Rapport keeps one enrollment per user and class, so this row was skipped`,
        );
        continue;
      }
      if (ex && ex.sourced_id !== it.sourcedId)
        await this.repo.rekeyEnrollment(this.districtId, ex.class_id, ex.person_id, it.sourcedId);
      pairsInBatch.set(key, it);
      kept.push(it);
    }
    await this.write('enrollments', 'enrollments', 'enrollments.csv', kept, [
      'class_id',
      'person_id',
      'role',
      'begin_date',
      'end_date',
      'is_primary',
    ]);
  }

  /** Links from agentSourcedIds: a guardian-kind user and a student, either way round. */
  private async guardianships() {
    if (this.agents.length === 0 && this.mode('users') !== 'bulk') return;
    const counts = this.counts.guardianships;
    const links = new Map<string, Database['guardianships']>();
    for (const { user, agent, line } of this.agents) {
      const a = this.refs.users.get(user);
      const b = this.resolve(
        'users',
        agent,
        { file: 'users.csv', line, column: 'agentSourcedIds' },
        false,
      );
      if (!a || !b) continue;
      const pair =
        a.kind === 'student' && b.kind === 'guardian'
          ? { g: b, s: a, gSid: agent }
          : a.kind === 'guardian' && b.kind === 'student'
            ? { g: a, s: b, gSid: user }
            : null;
      if (!pair) {
        this.findings.warn(
          'users.csv',
          line,
          'agentSourcedIds',
          `a link between a ${KIND_NOUN[a.kind ?? 'staff']} and a ${KIND_NOUN[b.kind ?? 'staff']} is not a guardianship; kept in the roster, not used`,
        );
        continue;
      }
      links.set(`${pair.g.id}|${pair.s.id}`, {
        district_id: this.districtId,
        guardian_id: pair.g.id,
        student_id: pair.s.id,
        relationship: this.guardianRoles.get(pair.gSid) ?? 'guardian',
        active: 1,
      });
    }
    const all = [...links.values()];
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      const existing = new Map(
        (
          await this.repo.guardianshipsOf(this.districtId, [
            ...new Set(batch.map((l) => l.guardian_id)),
          ])
        ).map((g) => [`${g.guardian_id}|${g.student_id}`, g]),
      );
      const upserts = batch.filter((l) => {
        const ex = existing.get(`${l.guardian_id}|${l.student_id}`);
        if (!ex) return (counts.added++, true);
        if (ex.relationship === l.relationship && Number(ex.active) === 1)
          return (counts.unchanged++, false);
        return (counts.updated++, true);
      });
      await this.repo.upsertGuardianships(upserts);
    }
    if (this.mode('users') !== 'bulk') return;
    for (const g of await this.repo.missingGuardianships(this.districtId)) {
      if (links.has(`${g.guardian_id}|${g.student_id}`)) continue;
      counts.deactivated++;
      await this.repo.deactivateGuardianship(this.districtId, g.guardian_id, g.student_id);
    }
  }

  private async deactivateAccountsOfInactivePeople() {
    const ids = (await this.repo.accountsOfInactivePeople(this.districtId)).map((a) => a.id);
    this.counts.accounts.deactivated += ids.length;
    await this.repo.deactivateAccounts(this.districtId, ids);
  }
}
