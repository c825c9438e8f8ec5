// The only SQL of the roster import. Every query is scoped by district_id; rows are found by
// their sourcedId through the (district_id, sourced_id) keys. All of it runs inside the
// import's one transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

export type RosterTable = 'schools' | 'terms' | 'courses' | 'classes' | 'people' | 'enrollments';
type K = Kysely<Database>;

/** A row of a roster table as the import compares it. */
export interface StoredRow {
  id: string;
  sourced_id: string | null;
  active: number;
  source_modified_at: string | null;
  [column: string]: unknown;
}

/**
 * An `in (...)` list padded (by repeating its last value) to a power of two: SQLite caches a
 * prepared statement per SQL text, and a list of every length from 1 to 1,000 would prepare and
 * keep a statement for each. Padding changes no result.
 */
function bucket<T>(list: T[]): T[] {
  let size = 1;
  while (size < list.length) size *= 2;
  if (size === list.length) return list;
  return [...list, ...Array<T>(size - list.length).fill(list.at(-1)!)];
}

/** The import's own scratch table: each sourcedId read in this import, with its line. */
const SEEN = 'roster_seen';

export function importRepository(db: K) {
  const anyDb = db as unknown as Kysely<any>;
  return {
    async districtByName(name: string) {
      return db.selectFrom('districts').selectAll().where('name', '=', name).execute();
    },
    async districts(limit: number) {
      return db.selectFrom('districts').selectAll().orderBy('created_at').limit(limit).execute();
    },
    async districtById(id: string) {
      return db.selectFrom('districts').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insertDistrict(row: Database['districts']) {
      await db.insertInto('districts').values(row).execute();
    },
    async setDistrictSourcedId(id: string, sourcedId: string) {
      await db
        .updateTable('districts')
        .set({ sourced_id: sourcedId })
        .where('id', '=', id)
        .execute();
    },

    /**
     * On SQLite, a larger page cache while an import runs: a bulk import inserts into indexes
     * keyed by random-looking ids, and with the default 2 MB cache each insert is a page fault.
     * The cache is bounded (64 MB), so memory does not grow with the files.
     */
    async enlargeCaches() {
      await sql`pragma main.cache_size = -65536`.execute(db);
      await sql`pragma temp.cache_size = -65536`.execute(db);
    },
    async restoreCaches() {
      await sql`pragma main.cache_size = -2000`.execute(db);
      await sql`pragma temp.cache_size = -2000`.execute(db);
    },
    async createSeen(dialect: 'sqlite' | 'postgres') {
      // One b-tree on SQLite (without rowid); PostgreSQL has no such clause and needs none.
      await sql`create temp table if not exists roster_seen (entity text not null, sourced_id text not null, line integer not null, primary key (entity, sourced_id))${sql.raw(dialect === 'sqlite' ? ' without rowid' : '')}`.execute(
        db,
      );
      await sql`delete from roster_seen`.execute(db);
    },
    async dropSeen() {
      await sql`drop table if exists roster_seen`.execute(db);
    },
    async seenLines(entity: string, keys: string[]): Promise<Map<string, number>> {
      if (keys.length === 0) return new Map();
      const rows = await anyDb
        .selectFrom(SEEN)
        .select(['sourced_id', 'line'])
        .where('entity', '=', entity)
        .where('sourced_id', 'in', bucket(keys))
        .execute();
      return new Map(rows.map((r: { sourced_id: string; line: number }) => [r.sourced_id, r.line]));
    },
    /**
     * Records the batch's keys as read. Returns, for each row whose key was read before (in this
     * batch or an earlier one), its line → the line that had the key first.
     */
    async claimSeen(
      entity: string,
      rows: Array<{ key: string; line: number }>,
    ): Promise<Map<number, number>> {
      if (rows.length === 0) return new Map();
      const claimed = new Set(
        (
          await anyDb
            .insertInto(SEEN)
            .values(rows.map((r) => ({ entity, sourced_id: r.key, line: r.line })))
            .onConflict((oc: any) => oc.doNothing())
            .returning('sourced_id')
            .execute()
        ).map((r: { sourced_id: string }) => r.sourced_id),
      );
      const firstInBatch = new Set<string>();
      const again = rows.filter((r) => {
        if (claimed.has(r.key) && !firstInBatch.has(r.key)) return !firstInBatch.add(r.key);
        return true;
      });
      if (again.length === 0) return new Map();
      const lines = await this.seenLines(
        entity,
        again.map((r) => r.key),
      );
      return new Map(again.map((r) => [r.line, lines.get(r.key)!]));
    },
    /** Every row of the district that came from a roster, with what references need. */
    async refs(table: RosterTable, districtId: string) {
      const extra: Record<RosterTable, string[]> = {
        schools: ['org_type'],
        terms: [],
        courses: [],
        classes: ['school_id'],
        people: ['kind'],
        enrollments: [],
      };
      return anyDb
        .selectFrom(table)
        .select(['id', 'sourced_id', 'active', ...extra[table]])
        .where('district_id', '=', districtId)
        .where('sourced_id', 'is not', null)
        .execute() as Promise<Array<Record<string, any>>>;
    },

    async bySourcedIds(table: RosterTable, districtId: string, ids: string[]) {
      if (ids.length === 0) return [] as StoredRow[];
      return anyDb
        .selectFrom(table)
        .selectAll()
        .where('district_id', '=', districtId)
        .where('sourced_id', 'in', bucket(ids))
        .execute() as Promise<StoredRow[]>;
    },

    /** Inserts new rows and updates changed ones in one statement, keyed by sourcedId. */
    async upsert(table: RosterTable, rows: Array<Record<string, unknown>>, update: string[]) {
      if (rows.length === 0) return;
      await anyDb
        .insertInto(table)
        .values(rows)
        .onConflict((oc: any) =>
          oc
            .columns(['district_id', 'sourced_id'])
            .doUpdateSet(Object.fromEntries(update.map((c) => [c, sql.ref(`excluded.${c}`)]))),
        )
        .execute();
    },

    /** Rows of a roster table that came from a roster, are active, and were not in this import. */
    async countMissing(table: RosterTable, districtId: string, entity: string) {
      const row = await anyDb
        .selectFrom(table)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .where('district_id', '=', districtId)
        .where('active', '=', 1)
        .where('sourced_id', 'is not', null)
        .where(
          'sourced_id',
          'not in',
          anyDb.selectFrom(SEEN).select('sourced_id').where('entity', '=', entity),
        )
        .executeTakeFirst();
      return Number((row as { n?: unknown } | undefined)?.n ?? 0);
    },
    async deactivateMissing(table: RosterTable, districtId: string, entity: string) {
      await anyDb
        .updateTable(table)
        .set({ active: 0 })
        .where('district_id', '=', districtId)
        .where('active', '=', 1)
        .where('sourced_id', 'is not', null)
        .where(
          'sourced_id',
          'not in',
          anyDb.selectFrom(SEEN).select('sourced_id').where('entity', '=', entity),
        )
        .execute();
    },

    async enrollmentsOf(districtId: string, personIds: string[]) {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('enrollments')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('person_id', 'in', bucket(personIds))
        .execute();
    },

    /** Gives an enrollment row a new sourcedId (the roster re-keyed the same user and class). */
    async rekeyEnrollment(
      districtId: string,
      classId: string,
      personId: string,
      sourcedId: string,
    ) {
      await db
        .updateTable('enrollments')
        .set({ sourced_id: sourcedId })
        .where('district_id', '=', districtId)
        .where('class_id', '=', classId)
        .where('person_id', '=', personId)
        .execute();
    },

    async demographicsOf(districtId: string, personIds: string[]) {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('demographics')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('person_id', 'in', bucket(personIds))
        .execute();
    },
    async upsertDemographics(rows: Database['demographics'][], update: string[]) {
      if (rows.length === 0) return;
      await anyDb
        .insertInto('demographics')
        .values(rows)
        .onConflict((oc: any) =>
          oc
            .columns(['district_id', 'person_id'])
            .doUpdateSet(Object.fromEntries(update.map((c) => [c, sql.ref(`excluded.${c}`)]))),
        )
        .execute();
    },
    /**
     * Deactivates the demographics of roster people whose user this import's demographics did
     * not list; returns how many.
     */
    async deactivateMissingDemographics(districtId: string): Promise<number> {
      const res = await db
        .updateTable('demographics')
        .set({ active: 0 })
        .where('district_id', '=', districtId)
        .where('active', '=', 1)
        .where('person_id', 'in', (eb) =>
          eb
            .selectFrom('people')
            .select('id')
            .where('district_id', '=', districtId)
            .where('sourced_id', 'is not', null)
            .where(
              'sourced_id',
              'not in',
              anyDb.selectFrom(SEEN).select('sourced_id').where('entity', '=', 'demographics'),
            ),
        )
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    async guardianshipsOf(districtId: string, guardianIds: string[]) {
      if (guardianIds.length === 0) return [];
      return db
        .selectFrom('guardianships')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('guardian_id', 'in', bucket(guardianIds))
        .execute();
    },
    async upsertGuardianships(rows: Database['guardianships'][]) {
      if (rows.length === 0) return;
      await db
        .insertInto('guardianships')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['district_id', 'guardian_id', 'student_id']).doUpdateSet({
            relationship: sql.ref('excluded.relationship'),
            active: sql.ref('excluded.active'),
          }),
        )
        .execute();
    },
    /**
     * Deactivates the active links whose guardian came from a roster and that this import did
     * not list (each listed link is in the scratch table as "guardian id|student id").
     */
    async deactivateMissingGuardianships(districtId: string): Promise<number> {
      const res = await db
        .updateTable('guardianships')
        .set({ active: 0 })
        .where('district_id', '=', districtId)
        .where('active', '=', 1)
        .where('guardian_id', 'in', (eb) =>
          eb
            .selectFrom('people')
            .select('id')
            .where('district_id', '=', districtId)
            .where('sourced_id', 'is not', null),
        )
        .where(
          sql<string>`guardian_id || '|' || student_id`,
          'not in',
          anyDb.selectFrom(SEEN).select('sourced_id').where('entity', '=', 'guardianships'),
        )
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    /** Accounts by sign-in name, in any district: names are unique across the service. */
    async accountsByUsername(usernames: string[]) {
      if (usernames.length === 0) return [];
      return db
        .selectFrom('accounts')
        .select([
          'district_id',
          'id',
          'person_id',
          'username',
          'email',
          'role',
          'school_id',
          'active',
        ])
        .where('username', 'in', bucket(usernames))
        .execute();
    },
    async insertAccounts(rows: Database['accounts'][]) {
      if (rows.length === 0) return;
      await db.insertInto('accounts').values(rows).execute();
    },
    async updateAccount(
      districtId: string,
      id: string,
      set: Pick<Database['accounts'], 'email' | 'role' | 'school_id' | 'active'>,
    ) {
      await db
        .updateTable('accounts')
        .set(set)
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .execute();
    },
    /** Deactivates the accounts of roster people who are no longer active; returns how many. */
    async deactivateAccountsOfInactivePeople(districtId: string): Promise<number> {
      const res = await db
        .updateTable('accounts')
        .set({ active: 0 })
        .where('district_id', '=', districtId)
        .where('active', '=', 1)
        .where('person_id', 'in', (eb) =>
          eb
            .selectFrom('people')
            .select('id')
            .where('district_id', '=', districtId)
            .where('active', '=', 0)
            .where('sourced_id', 'is not', null),
        )
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}

export type ImportRepository = ReturnType<typeof importRepository>;
