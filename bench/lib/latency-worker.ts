// The latency client's process: runs the screens of each LatencyJob one after another and
// sends back one ScreenOutcome per screen. Started by latency.ts; exits when the parent
// disconnects.
import { performance } from 'node:perf_hooks';
import type { LatencyJob, ScreenOutcome } from './latency.js';

async function get(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers });
  return { status: res.status, text: await res.text() };
}

async function run(job: LatencyJob): Promise<ScreenOutcome[]> {
  const out: ScreenOutcome[] = [];
  for (const screen of job.screens) {
    const started = performance.now();
    const responses = await Promise.all(screen.paths.map((p) => get(job.base + p, screen.headers)));
    const ms = performance.now() - started;
    const statuses = responses.map((r) => r.status);
    const failed = statuses.some((s) => s !== 200);
    out.push({
      ms,
      statuses,
      ...(screen.keep || failed
        ? {
            bodies: responses.map((r) => {
              try {
                return JSON.parse(r.text) as unknown;
              } catch {
                return r.text;
              }
            }),
          }
        : {}),
    });
  }
  return out;
}

process.on('message', (job: LatencyJob) => {
  run(job).then(
    (result) => process.send!({ result }),
    (err: unknown) => process.send!({ error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
