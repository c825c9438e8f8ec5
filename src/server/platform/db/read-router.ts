// Chooses the database a dashboard read runs on: the streaming replica when one is configured,
// reachable and close enough behind, else the primary (with a warning in the log). Writes and
// read-your-own-write paths never come here: they use the primary directly.
// docs/decisions/018-read-replica.md.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { isUnavailableError, type Db } from './database.js';

/** Cookie set on every successful write: its value is the write's time (ms since the epoch). */
export const WROTE_COOKIE = 'rapport_wrote';

export type ReplicaState =
  | { status: 'none' }
  | { status: 'up'; lagSeconds: number }
  | { status: 'lagging'; lagSeconds: number }
  | { status: 'down' };

export interface ReadRouterOptions {
  primary: Db;
  replica?: Db | null;
  /** A replica further behind than this is not used; also how long a writer stays on the primary. */
  maxLagSeconds?: number;
  /** How long a measured state is trusted before the replica is asked again. */
  checkEveryMs?: number;
  log: FastifyBaseLogger;
  nowMs?: () => number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class ReadRouter {
  readonly maxLagSeconds: number;
  private readonly checkEveryMs: number;
  private readonly nowMs: () => number;
  private checked: { at: number; state: ReplicaState } | null = null;
  private pending: Promise<ReplicaState> | null = null;

  constructor(private readonly opts: ReadRouterOptions) {
    this.maxLagSeconds = opts.maxLagSeconds ?? 30;
    this.checkEveryMs = opts.checkEveryMs ?? 5000;
    this.nowMs = opts.nowMs ?? Date.now;
  }

  get hasReplica(): boolean {
    return Boolean(this.opts.replica);
  }

  /**
   * Runs a read-only dashboard query on the replica when it may, else on the primary. A replica
   * that fails to connect mid-request is marked down and the query runs again on the primary,
   * so a replica outage never becomes an error page.
   */
  async dashboard<T>(req: FastifyRequest, query: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    const replica = this.opts.replica;
    if (!replica || this.recentlyWrote(req)) return query(this.opts.primary.kysely);
    const state = await this.state();
    if (state.status !== 'up') return query(this.opts.primary.kysely);
    try {
      return await query(replica.kysely);
    } catch (err) {
      if (!isUnavailableError(err)) throw err;
      this.record({ status: 'down' }, err);
      return query(this.opts.primary.kysely);
    }
  }

  /** The replica's state, measured at most once per checkEveryMs (one check at a time). */
  async state(): Promise<ReplicaState> {
    if (!this.opts.replica) return { status: 'none' };
    if (this.checked && this.nowMs() - this.checked.at < this.checkEveryMs)
      return this.checked.state;
    this.pending ??= this.measure().finally(() => (this.pending = null));
    return this.pending;
  }

  /** Measures now, ignoring the cached state (health checks). */
  async measure(): Promise<ReplicaState> {
    const replica = this.opts.replica;
    if (!replica) return { status: 'none' };
    let state: ReplicaState;
    let cause: unknown;
    try {
      const lagSeconds = await replicaLagSeconds(this.opts.primary.kysely, replica.kysely);
      state =
        lagSeconds > this.maxLagSeconds
          ? { status: 'lagging', lagSeconds }
          : { status: 'up', lagSeconds };
    } catch (err) {
      state = { status: 'down' };
      cause = err;
    }
    this.record(state, cause);
    return state;
  }

  /** Marks a write so this browser's next reads stay on the primary until the replica has it. */
  markWrite(req: FastifyRequest, reply: FastifyReply): void {
    if (!this.opts.replica || SAFE_METHODS.has(req.method) || reply.statusCode >= 400) return;
    if (!req.actor) return;
    reply.setCookie(WROTE_COOKIE, String(this.nowMs()), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: this.stickySeconds(),
    });
  }

  private stickySeconds(): number {
    // The lag limit plus one check interval: a replica let through at the last check may have been
    // that far behind, and it is not asked again before the next check.
    return this.maxLagSeconds + Math.ceil(this.checkEveryMs / 1000);
  }

  private recentlyWrote(req: FastifyRequest): boolean {
    const raw = req.cookies[WROTE_COOKIE];
    if (!raw || !/^\d{1,15}$/.test(raw)) return false;
    const age = this.nowMs() - Number(raw);
    return age >= -60_000 && age < this.stickySeconds() * 1000;
  }

  private record(state: ReplicaState, cause?: unknown): void {
    const previous = this.checked?.state.status;
    this.checked = { at: this.nowMs(), state };
    if (state.status === 'up') {
      if (previous && previous !== 'up')
        this.opts.log.info({ replica: state }, 'replica usable again: dashboards read from it');
      return;
    }
    // Logged on every check that finds it unusable (at most once per checkEveryMs), not per request.
    this.opts.log.warn(
      {
        replica: state,
        maxLagSeconds: this.maxLagSeconds,
        ...(cause ? { err: cause } : {}),
      },
      state.status === 'lagging'
        ? `replica ${state.lagSeconds.toFixed(1)} s behind: dashboards read from the primary`
        : 'replica unreachable: dashboards read from the primary',
    );
  }
}

/**
 * Seconds the replica is behind the primary: 0 when it has replayed everything the primary had
 * written when asked, else the age of the last transaction it replayed. Comparing positions
 * first matters because an idle primary writes nothing, so the last replay's age alone grows
 * without any lag.
 */
export async function replicaLagSeconds(
  primary: Kysely<Database>,
  replica: Kysely<Database>,
): Promise<number> {
  const p = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary);
  const lsn = p.rows[0]!.lsn;
  const r = await sql<{ recovering: boolean; caught_up: boolean | null; age: string | null }>`
    select pg_is_in_recovery() as recovering,
           pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as caught_up,
           extract(epoch from now() - pg_last_xact_replay_timestamp())::text as age`.execute(
    replica,
  );
  const row = r.rows[0]!;
  if (!row.recovering) throw new Error('DATABASE_REPLICA_URL is not a replica (not in recovery)');
  if (row.caught_up) return 0;
  // Behind, and nothing replayed since it started: treat as far behind.
  return row.age === null ? Number.POSITIVE_INFINITY : Math.max(0, Number(row.age));
}
