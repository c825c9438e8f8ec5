// Measures the latency of screens: a screen is one or more GETs the page sends together (in
// parallel, as a browser does), and its latency runs from sending the first request to having
// read every response body. Screens are sent one after another from a child process, so the
// client's work (fetch, reading bodies) never takes event-loop time from the server under test.
import { resolve } from 'node:path';
import { startWorker, type Worker } from './worker.js';

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

export type LatencyClient = Worker<LatencyJob, ScreenOutcome[]>;

export function startLatencyClient(): LatencyClient {
  return startWorker<LatencyJob, ScreenOutcome[]>(
    resolve(import.meta.dirname, 'latency-worker.ts'),
    'latency client',
  );
}
