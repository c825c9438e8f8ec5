// District size on PostgreSQL (issue 7): 100,000 students, 6,000 staff, 20,000 classes and
// 20 million interactions in monthly partitions (bench/lib/district-generator.ts, cached in the
// database rapport_bench_district; `--rebuild` builds it again).
// - Logging: POST /api/interactions through TWO app instances (two processes, one database),
//   loaded at once by two load generators, against the bare insert route of the same two
//   processes (bench/lib/district-server.ts); 5 rounds of a bare run then a real run; ratio =
//   the median over rounds of real ÷ bare requests per second.
// - Screens: teacher home, class view and student card (the GETs each page sends together) of 30
//   teachers spread over the district, against one hand-written indexed SQL query per screen
//   run on a pg connection; ratio = screen p95 ÷ query p95. A first pass over every visit warms
//   the cache (its p95 is reported as coldP95); the target applies to the timed rounds after it.
// bench/results/district.json carries `ratio` (logging) and `p95` (the worst screen, ms).
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync, existsSync } from 'node:fs';
import pg from 'pg';
import { addDays, startOfLocalDay } from '../src/domain/calendar.js';
import {
  DISTRICT_ID,
  DISTRICT_PASSWORD,
  DISTRICT_TIMEZONE,
  SCHOOL_YEAR,
  classesOfTeacher,
  districtId,
  districtShape,
  ensureDistrictDatabase,
  rosterOfClass,
  schoolDays,
  teacherUsername,
  type DistrictShape,
} from './lib/district-generator.js';
import type { ServerArgs } from './lib/district-server.js';
import {
  RESULTS_DIR,
  codeVersion,
  machine,
  median,
  percentile,
  round,
  writeResult,
  type Benchmark,
} from './lib/benchmark.js';
import { startLatencyClient, type ScreenRequest } from './lib/latency.js';
import { startLoadGenerator, type LoadJob, type LoadResult } from './lib/load.js';
import { signInOverHttp } from './lib/sign-in.js';

const RATIO_TARGET = 0.5;
const P95_TARGET_MS = 100;
const CONNECTIONS = 10; // per instance
const RUN_SECONDS = 5;
const ROUNDS = 3;
/** Logging rounds: each a bare run and a real run back to back. */
const LOGGING_ROUNDS = 5;
const SAMPLE_TEACHERS = 30;
const REQUESTS = 150; // per screen
const WINDOW_SCHOOL_DAYS = 10;
const KINDS = ['affirmation', 'warm_moment', 'correction'];

const SCREENS = ['teacherHome', 'classView', 'studentCard'] as const;
type Screen = (typeof SCREENS)[number];

interface Instance {
  child: ChildProcess;
  real: string;
  bare: string;
}

function startInstance(args: ServerArgs): Promise<Instance> {
  const child = fork(
    resolve(import.meta.dirname, 'lib/district-server.ts'),
    [JSON.stringify(args)],
    {
      // BENCH_CPU_PROF=<dir>: each instance writes a V8 CPU profile there when it exits.
      execArgv: [
        ...process.execArgv,
        ...(process.env.BENCH_CPU_PROF
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
          : []),
      ],
      stdio: 'inherit',
    },
  );
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`an app instance exited (code ${code})`)));
    child.once('message', (m: { real: string; bare: string }) => done({ child, ...m }));
  });
}

/** One hand-written query per screen (the dyad index: district, teacher, student, time). */
const BASELINE: Record<Screen, string> = {
  teacherHome: `with r as (
      select distinct se.person_id as id from enrollments te
      join enrollments se on se.district_id = te.district_id and se.class_id = te.class_id
      where te.district_id = $1 and te.person_id = $2 and te.role = 'teacher' and te.active = 1
        and se.role = 'student' and se.active = 1)
    select r.id, i.kind, count(i.id) as n from r
    left join interactions i on i.district_id = $1 and i.teacher_id = $2 and i.student_id = r.id
      and i.occurred_at >= $3 and i.occurred_at < $4 and i.undone_at is null
    group by r.id, i.kind`,
  classView: `with r as (
      select p.id, p.given_name, p.preferred_name, p.family_name from enrollments e
      join people p on p.district_id = e.district_id and p.id = e.person_id
      where e.district_id = $1 and e.class_id = $5 and e.role = 'student' and e.active = 1)
    select r.id, r.given_name, r.preferred_name, r.family_name, i.kind, count(i.id) as n from r
    left join interactions i on i.district_id = $1 and i.teacher_id = $2 and i.student_id = r.id
      and i.occurred_at >= $3 and i.occurred_at < $4 and i.undone_at is null
    group by r.id, r.given_name, r.preferred_name, r.family_name, i.kind`,
  studentCard: `select kind, occurred_at from interactions
    where district_id = $1 and teacher_id = $2 and student_id = $5
      and occurred_at >= $3 and occurred_at < $4 and undone_at is null`,
};

interface Visit {
  teacher: number;
  classId: string;
  studentId: string;
}

function paths(screen: Screen, v: Visit): string[] {
  switch (screen) {
    case 'teacherHome':
      return ['/api/home/teacher', '/api/practice/today'];
    case 'classView':
      return [`/api/classes/${v.classId}`, `/api/practice/classes/${v.classId}`];
    case 'studentCard':
      return [`/api/students/${v.studentId}`, `/api/practice/students/${v.studentId}`];
  }
}

function visits(s: DistrictShape, sample: number[]): Visit[] {
  return Array.from({ length: REQUESTS }, (_, i) => {
    const teacher = sample[i % sample.length]!;
    const k = Math.floor(i / sample.length);
    const classes = classesOfTeacher(s, teacher);
    const j = classes[k % classes.length]!;
    const roster = rosterOfClass(s, j);
    return {
      teacher,
      classId: districtId('class', j),
      studentId: districtId('student', roster[(k * 7 + i) % roster.length]!),
    };
  });
}

function baselineParams(screen: Screen, v: Visit, start: string, end: string): unknown[] {
  const p: unknown[] = [DISTRICT_ID, districtId('staff', v.teacher), start, end];
  if (screen === 'classView') p.push(v.classId);
  if (screen === 'studentCard') p.push(v.studentId);
  return p;
}

/** The figures of the last build at this scale (bench/results/district-build.json), if any. */
function buildFigures(scale: number): unknown {
  const file = resolve(RESULTS_DIR, 'district-build.json');
  if (!existsSync(file)) return null;
  const build = JSON.parse(readFileSync(file, 'utf8')) as { shape?: { scale?: number } };
  return build.shape?.scale === scale ? build : null;
}

export const districtBenchmark: Benchmark = {
  name: 'district',
  description:
    'district size on PostgreSQL: logging through two app instances vs a bare insert; teacher screens vs one indexed query',
  flags: {
    rebuild: 'build the district database again (about 12 minutes at full size on a quiet machine)',
  },
  async run(flags) {
    const server = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const shape = districtShape(Number(process.env.BENCH_DISTRICT_SCALE ?? '1'));
    const log = (m: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${m}`);
    const { url, build } = await ensureDistrictDatabase(server, shape, {
      rebuild: flags?.has('rebuild'),
      log,
    });
    // Only a full-size build's figures are kept; a smaller run reports its own in district.json.
    if (build && shape.scale === 1) writeResult('district-build', { machine: machine(), ...build });

    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const logger = 0; // the teacher who logs in the logging runs
    const logClass = classesOfTeacher(shape, logger)[0]!;
    const serverArgs: ServerArgs = {
      url,
      now: SCHOOL_YEAR.now,
      districtId: DISTRICT_ID,
      accountId: districtId('account', logger),
      teacherId: districtId('staff', logger),
      poolSize: 10,
    };
    const instances = await Promise.all([startInstance(serverArgs), startInstance(serverArgs)]);
    const loads = [startLoadGenerator(), startLoadGenerator()];
    const latency = startLatencyClient();
    const prefix = `bench-${randomUUID().slice(0, 8)}`;
    /** The benchmark's own logs, removed so the cached database stays as it was built. */
    const removeBenchLogs = async () => {
      for (const table of ['interactions', 'interaction_requests'])
        await pool.query(
          `delete from ${table} where district_id = $1 and author_account_id = $2
             and occurred_at = $3 and client_id > $4 and client_id < $5`,
          [DISTRICT_ID, serverArgs.accountId, SCHOOL_YEAR.now, `${prefix}-`, `${prefix}.`],
        );
    };
    try {
      // ---- logging through two instances ----
      const session = await signInOverHttp(
        instances[0]!.real,
        teacherUsername(logger),
        DISTRICT_PASSWORD,
      );
      const headers = { 'content-type': 'application/json', ...session };
      const studentIds = rosterOfClass(shape, logClass).map((i) => districtId('student', i));
      let seq = 0;
      const job = (inst: Instance, target: 'real' | 'bare', stop: LoadJob['stop']): LoadJob => ({
        url: target === 'real' ? `${inst.real}/api/interactions` : `${inst.bare}/bare`,
        headers,
        connections: CONNECTIONS,
        stop,
        boundSeconds: 'amount' in stop ? RUN_SECONDS * 6 : stop.duration + 10,
        body: {
          clientIdPrefix: `${prefix}-${target}${(seq += 1)}`,
          studentIds,
          classId: districtId('class', logClass),
          kinds: KINDS,
        },
      });
      const both = async (target: 'real' | 'bare', stop: (i: number) => LoadJob['stop']) => {
        const jobs = instances.map((inst, i) => job(inst, target, stop(i)));
        const started = performance.now();
        const results = await Promise.all(jobs.map((j, i) => loads[i]!.run(j)));
        const seconds = (performance.now() - started) / 1000;
        for (const r of results)
          if (r.non2xx || r.errors || r.timeouts || r.bounded)
            throw new Error(`${target}: ${JSON.stringify(r.statusCodes)} ${r.errors} errors`);
        return { jobs, results, seconds };
      };
      const estimate = { real: 0, bare: 0 };
      for (const target of ['bare', 'real'] as const) {
        const w = await both(target, () => ({ duration: 2 }));
        estimate[target] = w.results.reduce((n, r: LoadResult) => n + r.rps, 0);
      }
      const runs: Array<{
        target: string;
        round: number;
        rps: number;
        p99: number;
        requests: number;
      }> = [];
      for (let r = 1; r <= LOGGING_ROUNDS; r++) {
        for (const target of ['bare', 'real'] as const) {
          const each = Math.max(200, Math.round((estimate[target] * RUN_SECONDS) / 2));
          const { jobs, results, seconds } = await both(target, () => ({ amount: each }));
          const ok = results.reduce((n, x) => n + x.ok2xx, 0);
          let stored = 0;
          for (const j of jobs) {
            const r = await pool.query<{ n: string }>(
              `select count(*) as n from interactions where district_id = $1 and author_account_id = $2
                 and occurred_at = $3 and client_id > $4 and client_id < $5`,
              [
                DISTRICT_ID,
                serverArgs.accountId,
                SCHOOL_YEAR.now,
                `${j.body.clientIdPrefix}-`,
                `${j.body.clientIdPrefix}.`,
              ],
            );
            stored += Number(r.rows[0]!.n);
          }
          if (stored !== ok || ok !== each * 2)
            throw new Error(`${target} round ${r}: ${ok} answers of ${each * 2}, ${stored} rows`);
          estimate[target] = ok / seconds;
          runs.push({
            target,
            round: r,
            rps: round(ok / seconds, 1),
            p99: round(Math.max(...results.map((x) => x.p99)), 2),
            requests: ok,
          });
          log(`logging ${target} round ${r}: ${round(ok / seconds, 0)} req/s`);
        }
      }
      const rps = (t: string) => median(runs.filter((x) => x.target === t).map((x) => x.rps));
      // The ratio of each round's real run to the bare run just before it, then their median:
      // the two runs of a round share the machine's state, which drifts between rounds (the
      // bare route alone has ranged from 2,100 to 4,400 req/s on this machine).
      const pairs = Array.from({ length: LOGGING_ROUNDS }, (_, i) => {
        const of = (t: string) => runs.find((x) => x.target === t && x.round === i + 1)!.rps;
        return of('real') / of('bare');
      });
      const ratio = median(pairs);
      // The screens read the district as it was built: the logs above would give the logging
      // teacher thousands of moments today, and their deletion dead rows to step over.
      await removeBenchLogs();
      await pool.query('vacuum analyze interactions, interaction_requests');

      // ---- screens at district size ----
      const sample = Array.from({ length: SAMPLE_TEACHERS }, (_, i) =>
        Math.round((i * (shape.teachers - 1)) / (SAMPLE_TEACHERS - 1)),
      );
      const sessions = new Map<number, Record<string, string>>();
      for (const t of sample)
        sessions.set(
          t,
          await signInOverHttp(instances[1]!.real, teacherUsername(t), DISTRICT_PASSWORD),
        );
      const days = schoolDays().filter((d) => d <= SCHOOL_YEAR.today);
      const windowDays = days.slice(-WINDOW_SCHOOL_DAYS);
      const start = startOfLocalDay(windowDays[0]!, DISTRICT_TIMEZONE);
      const end = startOfLocalDay(addDays(SCHOOL_YEAR.today, 1), DISTRICT_TIMEZONE);
      const all = visits(shape, sample);
      const times: Record<Screen, number[]> = { teacherHome: [], classView: [], studentCard: [] };
      const base: Record<Screen, number[]> = { teacherHome: [], classView: [], studentCard: [] };
      const cold: Record<Screen, number[]> = { teacherHome: [], classView: [], studentCard: [] };
      const coldBase: Record<Screen, number[]> = {
        teacherHome: [],
        classView: [],
        studentCard: [],
      };
      const client = await pool.connect();
      const plans: Record<string, string> = {};
      try {
        for (const screen of SCREENS) {
          const ex = await client.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, buffers off) ${BASELINE[screen]}`,
            baselineParams(screen, all[0]!, start, end),
          );
          plans[screen] = ex.rows.map((x) => x['QUERY PLAN']).join('\n');
        }
        // A first, untimed-for-the-target pass over every visit (screens and baseline queries):
        // at 28 GB the database does not fit in this machine's memory, so a first visit may read
        // from disk. Its p95 is reported (coldP95); the target applies to the warm visits after
        // it, as on a one-school laptop or a district server whose recent months stay cached.
        for (const screen of SCREENS) {
          const outcomes = await latency.run({
            base: instances[0]!.real,
            screens: all.map((v) => ({
              paths: paths(screen, v),
              headers: sessions.get(v.teacher)!,
            })),
          });
          cold[screen] = outcomes.map((o) => o.ms);
          for (const v of all) {
            const t0 = performance.now();
            await client.query({
              name: `baseline-${screen}`,
              text: BASELINE[screen],
              values: baselineParams(screen, v, start, end),
            });
            coldBase[screen].push(performance.now() - t0);
          }
        }
        for (let r = 0; r < ROUNDS; r++) {
          const part = all.slice((r * REQUESTS) / ROUNDS, ((r + 1) * REQUESTS) / ROUNDS);
          for (const screen of SCREENS) {
            const screens: ScreenRequest[] = part.map((v) => ({
              paths: paths(screen, v),
              headers: sessions.get(v.teacher)!,
            }));
            // The two instances serve alternate visits.
            const outcomes = [
              ...(await latency.run({
                base: instances[0]!.real,
                screens: screens.filter((_, n) => n % 2 === 0),
              })),
              ...(await latency.run({
                base: instances[1]!.real,
                screens: screens.filter((_, n) => n % 2 === 1),
              })),
            ];
            for (const o of outcomes) {
              if (o.statuses.some((st) => st !== 200))
                throw new Error(`${screen}: ${o.statuses.join(',')} ${JSON.stringify(o.bodies)}`);
              times[screen].push(o.ms);
            }
            for (const v of part) {
              const t0 = performance.now();
              await client.query({
                name: `baseline-${screen}`,
                text: BASELINE[screen],
                values: baselineParams(screen, v, start, end),
              });
              base[screen].push(performance.now() - t0);
            }
          }
        }
      } finally {
        client.release();
      }
      const screens = Object.fromEntries(
        SCREENS.map((s) => {
          const p95 = percentile(times[s], 95);
          const b95 = percentile(base[s], 95);
          return [
            s,
            {
              paths: paths(s, all[0]!),
              requests: times[s].length,
              p50: round(percentile(times[s], 50), 2),
              p95: round(p95, 2),
              baselineP50: round(percentile(base[s], 50), 2),
              baselineP95: round(b95, 2),
              ratioP95: round(p95 / b95, 2),
              coldP95: round(percentile(cold[s], 95), 2),
              coldBaselineP95: round(percentile(coldBase[s], 95), 2),
            },
          ];
        }),
      ) as unknown as Record<
        Screen,
        {
          p95: number;
          ratioP95: number;
          baselineP95: number;
          coldP95: number;
          coldBaselineP95: number;
        }
      >;
      const worst = SCREENS.reduce((a, b) => (screens[a].p95 >= screens[b].p95 ? a : b));
      const p95 = screens[worst].p95;

      const counts = await pool.query<{ t: string; n: string }>(
        `select 'interactions' as t, count(*)::text as n from interactions
         union all select 'students', count(*)::text from people where kind = 'student'
         union all select 'staff', count(*)::text from people where kind = 'staff'
         union all select 'classes', count(*)::text from classes
         union all select 'partitions', count(*)::text from pg_inherits where inhparent = 'interactions'::regclass`,
      );
      const result = {
        benchmark: 'district',
        date: new Date().toISOString(),
        machine: machine(),
        code: codeVersion(),
        loadavg: loadavg().map((x) => round(x, 2)),
        data: Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)])),
        ratio: round(ratio, 3),
        ratioTarget: RATIO_TARGET,
        p95,
        p95Worst: worst,
        p95TargetMs: P95_TARGET_MS,
        met: ratio >= RATIO_TARGET && p95 < P95_TARGET_MS,
        logging: {
          instances: 2,
          connectionsPerInstance: CONNECTIONS,
          real: { rps: round(rps('real'), 1) },
          bare: { rps: round(rps('bare'), 1) },
          roundRatios: pairs.map((x) => round(x, 3)),
          runs,
        },
        screens,
        baselinePlans: plans,
        generator: build ? { ...build, shape: undefined } : buildFigures(shape.scale),
      };
      writeResult('district', result);
      return [
        `logging through 2 instances: real ${round(rps('real'), 0)} req/s, bare ${round(rps('bare'), 0)} req/s (medians); ratio ${round(ratio, 3)}, the median of the rounds' ${pairs.map((x) => round(x, 2)).join(', ')} (target ≥ ${RATIO_TARGET})`,
        ...SCREENS.map(
          (s) =>
            `${s}: p95 ${screens[s].p95} ms (baseline query p95 ${screens[s].baselineP95} ms, ratio ${screens[s].ratioP95}); first visits p95 ${screens[s].coldP95} ms (baseline ${screens[s].coldBaselineP95} ms)`,
        ),
        `worst p95 ${p95} ms (${worst}; target < ${P95_TARGET_MS} ms)`,
      ].join('\n');
    } finally {
      await removeBenchLogs();
      await pool.query(`delete from sessions where district_id = $1`, [DISTRICT_ID]);
      await Promise.all([...loads.map((l) => l.close()), latency.close()]);
      for (const i of instances) i.child.disconnect();
      await pool.end();
    }
  },
};
