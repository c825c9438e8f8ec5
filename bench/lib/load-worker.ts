// The load generator's process: runs each LoadJob it is sent with autocannon and sends back a
// LoadResult. Started by load.ts; exits when the parent disconnects.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { LoadJob, LoadResult } from './load.js';

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank]! * 100) / 100;
}

function run(job: LoadJob): Promise<LoadResult> {
  const { studentIds, classId, kinds, clientIdPrefix } = job.body;
  let n = 0;
  const latencies: number[] = [];
  let bounded = false;
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const instance = autocannon(
      {
        url: job.url,
        method: 'POST',
        connections: job.connections,
        pipelining: 1,
        timeout: 10,
        ...('amount' in job.stop ? { amount: job.stop.amount } : { duration: job.stop.duration }),
        requests: [
          {
            setupRequest: (req) => {
              n += 1;
              const body = JSON.stringify({
                clientId: `${clientIdPrefix}-${n}`,
                kind: kinds[n % kinds.length],
                studentIds: [studentIds[n % studentIds.length]],
                classId,
              });
              return { ...req, method: 'POST', headers: job.headers, body };
            },
          },
        ],
      },
      (err, result) => {
        clearTimeout(bound);
        if (err) return reject(err);
        const seconds = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        const sorted = Float64Array.from(latencies).sort();
        const statusCodes: Record<string, number> = {};
        for (const [code, s] of Object.entries(result.statusCodeStats)) statusCodes[code] = s.count;
        resolveRun({
          ok2xx: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          sent: result.requests.sent,
          seconds,
          rps: result['2xx'] / seconds,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          bounded,
          generatorCpuShare: (cpu.user + cpu.system) / 1e6 / seconds,
        });
      },
    );
    instance.on(
      'response',
      (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      },
    );
    const bound = setTimeout(() => {
      bounded = true;
      instance.stop();
    }, job.boundSeconds * 1000);
  });
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!({ result }),
    (err: unknown) => process.send!({ error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
