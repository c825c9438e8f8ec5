// One import in progress (the core the record kinds share): which district, the sourcedId →
// id maps references resolve against, reading a file in batches, and writing a batch of one
// record kind (duplicates, stale delta rows, one upsert). The record kinds are in
// import-structure.ts, import-people.ts and import-enrollments.ts; the order in
// import-oneroster.ts.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EntityCounts, RosterEntity } from '../../../../contracts/rostering.js';
import { COLUMNS, type RosterFile } from '../../../../domain/oneroster/spec.js';
import type { Db } from '../../../platform/db/database.js';
import { timeOrderedId } from '../../../platform/db/ids.js';
import type { Database } from '../../../platform/db/schema.js';
import type { RosterRole } from '../roster-extra.js';
import type { Findings } from './findings.js';
import {
  importRepository,
  type ImportRepository,
  type RosterTable,
  type StoredRow,
} from './import.repository.js';
import type { ImportOptions } from './import-types.js';
import type { FileMode, Manifest } from './manifest.js';
import { readRosterBatches, type RosterRow } from './rows.js';
import { RosterSourceError, type RosterSource } from './source.js';

export const BATCH = 1000;
const DEFAULT_TIME_ZONE = 'America/New_York';

export interface Ref {
  id: string;
  active: number;
  /** Read from a file of this import. */
  seen: boolean;
  orgType?: string;
  kind?: string;
}

export interface Item {
  line: number;
  sourcedId: string;
  active: 0 | 1;
  modifiedAt: string | null;
  row: Record<string, unknown>;
}

export const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

export const KIND_NOUN: Record<string, string> = {
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
export type RefKind = 'orgs' | 'academicSessions' | 'courses' | 'classes' | 'users';

/** One import in progress: its district, what it has read, and how it writes a batch. */
export class ImportRun {
  readonly repo: ImportRepository;
  districtId = '';
  districtSourcedId: string | null = null;
  readonly refs: Record<
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
  readonly roles = new Map<string, { roles: RosterRole[]; line: number }>();
  /** agentSourcedIds, resolved once every user is known. */
  readonly agents: Array<{ user: string; agent: string; line: number }> = [];
  /** The OneRoster role of each guardian-kind user, for the guardianship's relationship. */
  readonly guardianRoles = new Map<string, string>();
  readonly now: string;
  /** `file:sourcedId` of rows rejected with an error, so references to them add no noise. */
  readonly rejected = new Set<string>();
  rowsRead = 0;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Db['dialect'],
    readonly m: Manifest,
    readonly findings: Findings,
    readonly counts: Record<RosterEntity, EntityCounts>,
    readonly opts: ImportOptions,
    readonly source: RosterSource,
    readonly current: { name: string },
  ) {
    this.repo = importRepository(db);
    this.now = (opts.now?.() ?? new Date()).toISOString();
  }

  mode(file: RosterFile): FileMode {
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

  async loadRefs() {
    const load = async (key: RefKind, table: RosterTable) => {
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
  async file(file: RosterFile, handle: (rows: RosterRow[]) => Promise<void>) {
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
  resolve(
    kind: RefKind,
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

  item(r: RosterRow, row: Record<string, unknown>): Item {
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
  async write(
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
        // Not in `written`: nothing that follows (a sign-in account) may take its stale values.
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

  fullRow(table: RosterTable, id: string, it: Item) {
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

  remember(
    kind: RefKind,
    written: Map<string, { id: string; active: 0 | 1 }>,
    extra: (sourcedId: string) => Partial<Ref> = () => ({}),
  ) {
    for (const [sid, w] of written)
      this.refs[kind].set(sid, { id: w.id, active: w.active, seen: true, ...extra(sid) });
  }

  async deactivateMissing(file: RosterFile, table: RosterTable, entity: RosterEntity) {
    if (this.mode(file) !== 'bulk') return;
    const n = await this.repo.countMissing(table, this.districtId, entity);
    if (n === 0) return;
    this.counts[entity].deactivated += n;
    await this.repo.deactivateMissing(table, this.districtId, entity);
  }
}
