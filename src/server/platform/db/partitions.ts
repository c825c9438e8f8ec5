// Monthly partitions of `interactions` on PostgreSQL (docs/decisions/019-partitioning-and-sharding.md).
// A partition holds one UTC month of `occurred_at` (ISO text, compared byte-wise: the column is
// `collate "C"`); a default partition catches anything no month covers. Partitions are created
// ahead by the migration and, while the app runs, at start-up and once a day. Creating is
// idempotent and serialised by an advisory lock, so several instances can run it at once.
// SQLite keeps one plain table: every function here is a no-op there.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The advisory lock key every instance takes while changing partitions (any fixed bigint). */
const PARTITION_LOCK = 7_017_001;
export const DEFAULT_PARTITION = 'interactions_default';
/** How many months past the current one the app keeps created. */
export const MONTHS_AHEAD = 3;

export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** "2026-11" for an ISO instant or date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** The month `n` months after `month` ("2026-11", 2 → "2027-01"); n may be negative. */
export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function partitionName(month: string): string {
  return `interactions_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

/**
 * The range of one month partition, [from, to): "2026-11" to "2026-12". Bare months rather than
 * instants, so every text of the month (a date "2026-11-01", an instant) falls inside and a
 * query bounded by dates prunes to exactly its months.
 */
export function partitionBounds(month: string): { from: string; to: string } {
  return { from: month, to: addMonths(month, 1) };
}

/** Whether `interactions` is a partitioned table (PostgreSQL after migration 005). */
export async function isPartitioned<DB>(db: Kysely<DB>): Promise<boolean> {
  if (!isPostgres(db)) return false;
  const r = await sql<{ n: number }>`
    select count(*)::int as n from pg_partitioned_table p
    join pg_class c on c.oid = p.partrelid
    where c.relname = 'interactions' and c.relnamespace = current_schema()::regnamespace`.execute(
    db,
  );
  return (r.rows[0]?.n ?? 0) > 0;
}

async function createMonth<DB>(tx: Kysely<DB>, month: string): Promise<boolean> {
  const name = partitionName(month);
  const exists = await sql<{ n: number }>`
    select count(*)::int as n from pg_class
    where relname = ${name} and relnamespace = current_schema()::regnamespace`.execute(tx);
  if ((exists.rows[0]?.n ?? 0) > 0) return false;
  const { from, to } = partitionBounds(month);
  // Rows of this month already in the default partition would make the new partition's
  // constraint fail: move them out first, then back in through the parent.
  const held = `interactions_moving_${month.replace('-', '_')}`;
  await sql`create temporary table ${sql.id(held)} (like interactions) on commit drop`.execute(tx);
  await sql`with moved as (
      delete from ${sql.id(DEFAULT_PARTITION)}
      where occurred_at >= ${from} and occurred_at < ${to} returning *)
    insert into ${sql.id(held)} select * from moved`.execute(tx);
  await sql`create table if not exists ${sql.id(name)} partition of interactions
    for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(tx);
  await sql`insert into interactions select * from ${sql.id(held)}`.execute(tx);
  return true;
}

/**
 * Creates the month partitions of `months` that do not exist yet; returns the ones it created.
 * Runs in the caller's transaction when given one (the migration), else in its own.
 */
export async function ensureMonths<DB>(db: Kysely<DB>, months: string[]): Promise<string[]> {
  if (!(await isPartitioned(db))) return [];
  const run = async (tx: Kysely<DB>) => {
    await sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`.execute(tx);
    const created: string[] = [];
    for (const m of months) if (await createMonth(tx, m)) created.push(m);
    return created;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The current month and MONTHS_AHEAD after it; what the app keeps ready. */
export function ensureAhead<DB>(db: Kysely<DB>, now: Date): Promise<string[]> {
  const current = monthOf(now.toISOString());
  return ensureMonths(db, monthsBetween(current, addMonths(current, MONTHS_AHEAD)));
}

/**
 * Keeps partitions ahead while the process runs: every day (start-up calls ensureAhead itself). Returns a stop
 * function. Failures are reported and retried the next day (a missing month only means rows
 * land in the default partition until it exists).
 */
export function keepPartitionsAhead<DB>(
  db: Kysely<DB>,
  now: () => Date,
  onError: (err: unknown) => void,
): () => void {
  if (!isPostgres(db)) return () => {};
  const tick = () => void ensureAhead(db, now()).catch(onError);
  const timer = setInterval(tick, 24 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
