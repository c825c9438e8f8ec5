// Monthly partitions of `interactions` on PostgreSQL (docs/decisions/019-partitioning-and-sharding.md).
// On PostgreSQL, in this migration's transaction: the table is renamed, a partitioned table by
// range of `occurred_at` takes its name, month partitions and a default partition are created,
// the rows are copied, the old table is dropped and the keys and indexes are made again, each
// still starting with district_id. A unique key on a partitioned table must contain the
// partition key, and a replay of a log request need not carry the same occurred_at (it is
// optional and defaults to the server's clock), so exactly-once moves to a small plain table,
// `interaction_requests`, keyed by (district_id, author_account_id, client_id).
// On SQLite nothing changes: one plain table with its unique replay index.
import { sql, type Kysely } from 'kysely';
import {
  DEFAULT_PARTITION,
  addMonths,
  ensureMonths,
  isPostgres,
  monthOf,
  monthsBetween,
} from '../partitions.js';

/** Months before and after the current one that the migration creates. */
const BACK = 12;
const AHEAD = 12;
/** Existing rows further out than this go to the default partition, not to partitions of their own. */
const FURTHEST = 60;

async function createIndexes(db: Kysely<any>, primaryKey: string[]): Promise<void> {
  await sql`alter table interactions add constraint interactions_pk primary key (${sql.join(
    primaryKey.map((c) => sql.id(c)),
  )})`.execute(db);
  const fk = (name: string, cols: string[], table: string) =>
    sql`alter table interactions add constraint ${sql.id(name)} foreign key (${sql.join(
      cols.map((c) => sql.id(c)),
    )}) references ${sql.id(table)} (district_id, id)`.execute(db);
  await fk('interactions_teacher_fk', ['district_id', 'teacher_id'], 'people');
  await fk('interactions_student_fk', ['district_id', 'student_id'], 'people');
  await fk('interactions_class_fk', ['district_id', 'class_id'], 'classes');
  const indexes: Array<[string, string[]]> = [
    ['interactions_teacher_idx', ['district_id', 'teacher_id', 'occurred_at']],
    ['interactions_student_idx', ['district_id', 'student_id', 'occurred_at']],
    ['interactions_dyad_idx', ['district_id', 'teacher_id', 'student_id', 'occurred_at']],
  ];
  for (const [name, cols] of indexes)
    await db.schema.createIndex(name).on('interactions').columns(cols).execute();
}

const COLUMNS = sql`district_id, id, client_id, author_account_id, teacher_id, student_id,
  class_id, kind, tag, note, occurred_at, created_at, undone_at`;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table interactions rename to interactions_unpartitioned`.execute(db);
  // occurred_at is compared byte-wise ("C"): ISO instants sort correctly that way, and the
  // partition bounds and every query's comparisons then use one collation (needed for pruning).
  await sql`create table interactions (
      district_id text not null,
      id text not null,
      client_id text not null,
      author_account_id text not null,
      teacher_id text not null,
      student_id text not null,
      class_id text,
      kind text not null,
      tag text,
      note text,
      occurred_at text collate "C" not null,
      created_at text not null,
      undone_at text
    ) partition by range (occurred_at)`.execute(db);
  await sql`create table ${sql.id(DEFAULT_PARTITION)} partition of interactions default`.execute(
    db,
  );

  const span = await sql<{ first: string | null; last: string | null }>`
    select min(occurred_at) as first, max(occurred_at) as last
    from interactions_unpartitioned`.execute(db);
  const current = monthOf(new Date().toISOString());
  const earliest = addMonths(current, -FURTHEST);
  const latest = addMonths(current, FURTHEST);
  let first = addMonths(current, -BACK);
  let last = addMonths(current, AHEAD);
  const { first: oldest, last: newest } = span.rows[0] ?? { first: null, last: null };
  if (oldest && monthOf(oldest) < first)
    first = monthOf(oldest) < earliest ? earliest : monthOf(oldest);
  if (newest && monthOf(newest) > last) last = monthOf(newest) > latest ? latest : monthOf(newest);
  await ensureMonths(db, monthsBetween(first, last));

  await sql`insert into interactions (${COLUMNS})
    select ${COLUMNS} from interactions_unpartitioned`.execute(db);

  await db.schema
    .createTable('interaction_requests')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('author_account_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_requests_pk', [
      'district_id',
      'author_account_id',
      'client_id',
    ])
    .execute();
  await sql`insert into interaction_requests
    (district_id, author_account_id, client_id, occurred_at, created_at)
    select district_id, author_account_id, client_id, min(occurred_at), min(created_at)
    from interactions_unpartitioned group by district_id, author_account_id, client_id`.execute(db);

  await sql`drop table interactions_unpartitioned`.execute(db);
  // The primary key must contain the partition key; the replay index is no longer unique
  // (interaction_requests is the guard) but still finds a request's rows.
  await createIndexes(db, ['district_id', 'id', 'occurred_at']);
  await db.schema
    .createIndex('interactions_client_idx')
    .on('interactions')
    .columns(['district_id', 'author_account_id', 'client_id', 'student_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table interactions_plain (like interactions including defaults)`.execute(db);
  await sql`insert into interactions_plain select * from interactions`.execute(db);
  await sql`drop table interactions`.execute(db);
  await sql`drop table interaction_requests`.execute(db);
  await sql`alter table interactions_plain rename to interactions`.execute(db);
  await createIndexes(db, ['district_id', 'id']);
  await db.schema
    .createIndex('interactions_client_uq')
    .on('interactions')
    .columns(['district_id', 'author_account_id', 'client_id', 'student_id'])
    .unique()
    .execute();
}
