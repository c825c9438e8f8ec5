// Drives HTTP load from a child process. The load generator gets its own process (and, on a
// 2-core machine, its own core) so it never competes with the servers under test for their
// event loop; the servers share the parent process and are loaded one at a time.
import { resolve } from 'node:path';
import { startWorker, type Worker } from './worker.js';

/** One load run. Every request carries a fresh client id, so a replay never hides a failure. */
export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  connections: number;
  /**
   * `amount`: stop after exactly this many responses (every request is answered, so the rows in
   * the database can be matched one for one). `duration`: stop after this many seconds,
   * dropping requests still in flight (used for warm-ups only).
   */
  stop: { amount: number } | { duration: number };
  /** Hard limit in seconds; a run that hits it is reported as `bounded`. */
  boundSeconds: number;
  body: {
    /** Client ids are `<prefix>-<n>`: unique per request, and countable per run. */
    clientIdPrefix: string;
    studentIds: string[];
    classId: string;
    kinds: string[];
  };
}

export interface LoadResult {
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  sent: number;
  seconds: number;
  /** 2xx responses per second. */
  rps: number;
  /** Latency of 2xx responses in milliseconds, from exact samples (not autocannon's ms buckets). */
  p50: number;
  p99: number;
  bounded: boolean;
  /** The load generator's CPU time ÷ wall time; near 1 means it, not the server, set the pace. */
  generatorCpuShare: number;
}

export type LoadGenerator = Worker<LoadJob, LoadResult>;

/** Starts the child once; its JIT stays warm across runs. */
export function startLoadGenerator(): LoadGenerator {
  return startWorker<LoadJob, LoadResult>(
    resolve(import.meta.dirname, 'load-worker.ts'),
    'load generator',
  );
}
