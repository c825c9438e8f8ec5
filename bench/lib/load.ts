// Drives HTTP load from a child process. The load generator gets its own process (and, on a
// 2-core machine, its own core) so it never competes with the servers under test for their
// event loop; the servers share the parent process and are loaded one at a time.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

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

export interface LoadGenerator {
  run(job: LoadJob): Promise<LoadResult>;
  close(): Promise<void>;
}

/** Starts the child once; its JIT stays warm across runs. */
export function startLoadGenerator(): LoadGenerator {
  // Inherit tsx's loader, but not profiling flags meant for the servers' process.
  const execArgv = process.execArgv.filter(
    (a) => !a.startsWith('--cpu-prof') && !a.startsWith('--inspect'),
  );
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'load-worker.ts'), [], {
    execArgv,
    stdio: 'inherit',
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return {
    run(job) {
      return new Promise((resolveRun, reject) => {
        if (exited) return reject(new Error('the load generator has exited'));
        const onExit = (code: number | null) =>
          reject(new Error(`the load generator exited (code ${code}) mid-run`));
        child.once('exit', onExit);
        child.once('message', (msg: { result?: LoadResult; error?: string }) => {
          child.off('exit', onExit);
          if (msg.error !== undefined || !msg.result)
            reject(new Error(`load run failed: ${msg.error}`));
          else resolveRun(msg.result);
        });
        child.send(job);
      });
    },
    close() {
      if (exited) return Promise.resolve();
      return new Promise((done) => {
        child.once('exit', () => done());
        child.disconnect();
      });
    },
  };
}
