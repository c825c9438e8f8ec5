// Opens the database for a DatabaseTarget: better-sqlite3 (WAL, foreign keys, busy timeout) or
// a pg pool. Both sit behind the same Kysely<Database>.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type MigrationResultSet,
} from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import { migrations } from './migrations/index.js';
import { statementName } from './prepared.js';
import type { Database } from './schema.js';

export type Dialect = DatabaseTarget['dialect'];

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs more than running a small
 * query. Statements are cached by SQL text (bounded). Safe because Kysely runs one query at a
 * time on its single SQLite connection and the app never streams results.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = sqlite.prepare(sqlText);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

export function openDatabase(
  target: DatabaseTarget,
  opts: { poolSize?: number; connectTimeoutMs?: number; onIdleError?: (err: Error) => void } = {},
): Db {
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new SQLite(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const kysely = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: opts.poolSize ?? 10,
    // A server that does not answer fails the request (503) instead of holding it forever.
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
  });
  // An idle connection the server closes (a restart, a failover) is dropped from the pool; without
  // a listener, node would treat the 'error' event as fatal and stop the process.
  pool.on('error', (err) => opts.onIdleError?.(err));
  pool.on('connect', useNamedStatements);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

/**
 * Makes a new pool connection run registered SQL texts (prepared.ts) as named prepared
 * statements. Kysely's driver calls `client.query(text, values)`; for a registered text that
 * becomes `client.query({ name, text, values })`, which pg parses once per connection.
 */
function useNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && args.length === 2) {
      const name = statementName(text);
      if (name) return query({ name, text, values });
    }
    return query(...args);
  };
}

function migrator(db: Db, opts: { disableTransactions?: boolean } = {}): Migrator {
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    ...opts,
  });
}

/**
 * Runs the migrator so that instances starting together never race. PostgreSQL: Kysely holds an
 * advisory lock while it migrates. SQLite: Kysely's own transaction starts deferred, so two
 * processes could both see a migration as pending; instead the whole run is one BEGIN IMMEDIATE
 * transaction, which takes the file's write lock first (the other process waits for it).
 */
async function runMigrations(db: Db): Promise<MigrationResultSet> {
  if (db.dialect !== 'sqlite') return migrator(db).migrateToLatest();
  await sql`pragma busy_timeout = 120000`.execute(db.kysely);
  try {
    await sql`begin immediate`.execute(db.kysely);
    let result: MigrationResultSet;
    try {
      result = await migrator(db, { disableTransactions: true }).migrateToLatest();
    } catch (err) {
      await sql`rollback`.execute(db.kysely);
      throw err;
    }
    await sql.raw(result.error ? 'rollback' : 'commit').execute(db.kysely);
    return result;
  } finally {
    await sql`pragma busy_timeout = 5000`.execute(db.kysely);
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await runMigrations(db);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = new Error(
      `migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`,
    );
    (err as Error & { cause?: unknown }).cause = result.error;
    throw err;
  }
  return result;
}

/** The name of the newest applied migration, or null on an empty database. */
export async function migrationVersion(db: Db): Promise<string | null> {
  const list = await migrator(db).getMigrations();
  const applied = list.filter((m) => m.executedAt !== undefined);
  return applied.at(-1)?.name ?? null;
}

/** Throws when the database cannot answer a trivial query. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
]);

/** True when an error means "the database cannot be reached", not "this query is wrong". */
export function isUnavailableError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08')))
      return true;
    if (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        message,
      )
    )
      return true;
    e = cause;
  }
  return false;
}
