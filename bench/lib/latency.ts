// Measures the latency of screens: a screen is one or more GETs the page sends together (in
// parallel, as a browser does), and its latency runs from sending the first request to having
// read every response body. Screens are sent one after another from a child process, so the
// client's work (fetch, reading bodies) never takes event-loop time from the server under test.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface ScreenRequest {
  /** Paths fetched in parallel, e.g. ['/api/home/teacher', '/api/practice/today']. */
  paths: string[];
  headers: Record<string, string>;
  /** Send the parsed bodies back (for the correctness checks). */
  keep?: boolean;
}

export interface LatencyJob {
  base: string;
  screens: ScreenRequest[];
}

export interface ScreenOutcome {
  /** Milliseconds from sending to the last body read. */
  ms: number;
  statuses: number[];
  /** Parsed bodies in the order of `paths`, when `keep` was set or a status was not 200. */
  bodies?: unknown[];
}

export interface LatencyClient {
  run(job: LatencyJob): Promise<ScreenOutcome[]>;
  close(): Promise<void>;
}

export function startLatencyClient(): LatencyClient {
  const execArgv = process.execArgv.filter(
    (a) => !a.startsWith('--cpu-prof') && !a.startsWith('--inspect'),
  );
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'latency-worker.ts'), [], {
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
        if (exited) return reject(new Error('the latency client has exited'));
        const onExit = (code: number | null) =>
          reject(new Error(`the latency client exited (code ${code}) mid-run`));
        child.once('exit', onExit);
        child.once('message', (msg: { result?: ScreenOutcome[]; error?: string }) => {
          child.off('exit', onExit);
          if (msg.error !== undefined || !msg.result)
            reject(new Error(`latency run failed: ${msg.error}`));
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
