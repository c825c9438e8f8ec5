// Logging an interaction through the real route (session cookie, CSRF, policy check, Ajv,
// service, insert) against a bare Fastify route that parses the same JSON and runs the same
// INSERT on the same Kysely instance. The ratio (real ÷ bare throughput) says how much of the
// machine's insert capacity the product's safety machinery leaves for teachers.
//
// Process model: both servers live in this process and share one better-sqlite3 connection;
// they are loaded one at a time (bare, real, bare, real, …) by a load generator in a child
// process. Medians over the rounds damp the noise of a small machine.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { localDate } from '../src/domain/calendar.js';
import { INTERACTION_KINDS } from '../src/domain/interaction-kinds.js';
import { migrateToLatest, openDatabase, type Db } from '../src/server/platform/db/database.js';
import { buildApp } from '../src/server/app.js';
import { buildClassroom } from '../test/factories.js';
import { machine, median, round, writeResult, type Benchmark } from './lib/benchmark.js';
import {
  startLoadGenerator,
  type LoadGenerator,
  type LoadJob,
  type LoadResult,
} from './lib/load.js';
import { signInOverHttp } from './lib/sign-in.js';

const CONNECTIONS = 10;
const WARMUP_SECONDS = 1;
const RUN_SECONDS = 5;
const ROUNDS = 5;
const STUDENTS = 30;
const TARGET = 0.6;
const SECRET = 'bench-secret-bench-secret-bench-secret-00';
/** The factories' district time zone: "today" for the term built around it. */
const TIME_ZONE = 'America/Chicago';

type Target = 'bare' | 'real';

interface Classroom {
  districtId: string;
  accountId: string;
  teacherId: string;
  classId: string;
  studentIds: string[];
  username: string;
  password: string;
}

async function seed(db: Db): Promise<Classroom> {
  const room = await buildClassroom(db.kysely, {
    today: localDate(new Date(), TIME_ZONE),
    students: STUDENTS,
  });
  if (room.district.timezone !== TIME_ZONE)
    throw new Error(`the factory district is not in ${TIME_ZONE}`);
  return {
    districtId: room.district.id,
    accountId: room.teacher.account.id,
    teacherId: room.teacher.person.id,
    classId: room.cls.id,
    studentIds: room.students.map((s) => s.id),
    username: room.teacher.account.username,
    password: room.teacher.account.password,
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** The baseline: parse the JSON body, insert the row the real route would, answer 201. */
async function buildBareApp(db: Db, room: Classroom): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  app.post('/bare', async (req, reply) => {
    const body = req.body as {
      clientId?: unknown;
      kind?: unknown;
      studentIds?: unknown;
      classId?: unknown;
    };
    const studentId = Array.isArray(body.studentIds) ? body.studentIds[0] : undefined;
    if (
      typeof body.clientId !== 'string' ||
      typeof body.kind !== 'string' ||
      typeof studentId !== 'string'
    ) {
      return reply.status(400).send({ error: 'bad body' });
    }
    const now = new Date().toISOString();
    const id = randomUUID();
    await db.kysely
      .insertInto('interactions')
      .values({
        district_id: room.districtId,
        id,
        client_id: body.clientId,
        author_account_id: room.accountId,
        teacher_id: room.teacherId,
        student_id: studentId,
        class_id: typeof body.classId === 'string' ? body.classId : null,
        kind: body.kind,
        tag: null,
        note: null,
        occurred_at: now,
        created_at: now,
        undone_at: null,
      })
      .onConflict((oc) =>
        oc.columns(['district_id', 'author_account_id', 'client_id', 'student_id']).doNothing(),
      )
      .execute();
    return reply.status(201).send({ id });
  });
  return app;
}

/** Rows whose client id carries this run's prefix: the rows this run wrote. */
async function rowsWithPrefix(db: Db, room: Classroom, prefix: string): Promise<number> {
  // '.' sorts right after '-', so this range is exactly the ids `<prefix>-…`.
  const row = await db.kysely
    .selectFrom('interactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', room.districtId)
    .where('author_account_id', '=', room.accountId)
    .where('client_id', '>', `${prefix}-`)
    .where('client_id', '<', `${prefix}.`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface Run {
  target: Target;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU time of the servers' process per request: unlike rps, barely moved by other processes. */
  cpuUsPerRequest: number;
  /** CPU time ÷ wall time of the servers' process and of the load generator (1 = one full core). */
  serverCpuShare: number;
  generatorCpuShare: number;
  requests: number;
  seconds: number;
}

export const loggingBenchmark: Benchmark = {
  name: 'logging',
  description:
    'POST /api/interactions (session, CSRF, policy, insert) vs a bare insert route, SQLite',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
    const db = openDatabase({ dialect: 'sqlite', path: join(dir, 'bench.db') });
    const apps: FastifyInstance[] = [];
    let load: LoadGenerator | undefined;
    try {
      await migrateToLatest(db);
      const room = await seed(db);

      const real = await buildApp({
        config: {
          sessionSecret: SECRET,
          sessionTtlHours: 12,
          logLevel: 'silent',
          trustProxy: false,
          minGroupSize: 5,
        },
        db,
        webRoot: null,
        logger: false,
      });
      apps.push(real);
      const realBase = await listen(real);
      const bare = await buildBareApp(db, room);
      apps.push(bare);
      const bareBase = await listen(bare);

      const headers = {
        'content-type': 'application/json',
        ...(await signInOverHttp(realBase, room.username, room.password)),
      };
      const urls: Record<Target, string> = {
        real: `${realBase}/api/interactions`,
        bare: `${bareBase}/bare`,
      };
      load = startLoadGenerator();
      const generator = load;

      let seq = 0;
      const job = (target: Target, stop: LoadJob['stop']): LoadJob => ({
        url: urls[target],
        headers,
        connections: CONNECTIONS,
        stop,
        boundSeconds: 'amount' in stop ? RUN_SECONDS * 4 : stop.duration + 10,
        body: {
          clientIdPrefix: `${target}${(seq += 1)}${randomUUID().slice(0, 8)}`,
          studentIds: room.studentIds,
          classId: room.classId,
          kinds: [...INTERACTION_KINDS],
        },
      });

      const assertClean = (target: Target, r: LoadResult) => {
        if (r.non2xx !== 0 || r.errors !== 0 || r.timeouts !== 0 || r.bounded) {
          throw new Error(
            `${target}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` +
              `${r.bounded ? ', hit the time bound' : ''} (status codes ${JSON.stringify(r.statusCodes)})`,
          );
        }
      };

      // One request each first, so a broken route fails with its own message.
      for (const target of ['bare', 'real'] as const) {
        const res = await fetch(urls[target], {
          method: 'POST',
          headers,
          body: JSON.stringify({
            clientId: `probe-${target}-0001`,
            kind: 'warm_moment',
            studentIds: [room.studentIds[0]],
            classId: room.classId,
          }),
        });
        if (res.status !== 201)
          throw new Error(`${target} probe answered ${res.status}: ${await res.text()}`);
      }

      // Warm-ups (fixed duration) also estimate each route's rate, which sizes the measured runs.
      const estimate: Record<Target, number> = { bare: 0, real: 0 };
      for (const target of ['bare', 'real'] as const) {
        const r = await generator.run(job(target, { duration: WARMUP_SECONDS }));
        assertClean(target, r);
        estimate[target] = r.rps;
      }
      // Requests cut off when a warm-up stops finish on the server; let them land.
      await sleep(250);

      // Measured runs stop after a fixed number of responses (≈ RUN_SECONDS at the last rate
      // seen), so every request is answered and the new rows can be matched one for one.
      const runs: Run[] = [];
      for (let r = 1; r <= ROUNDS; r += 1) {
        for (const target of ['bare', 'real'] as const) {
          const amount = Math.max(CONNECTIONS * 50, Math.round(estimate[target] * RUN_SECONDS));
          const j = job(target, { amount });
          const cpuBefore = process.cpuUsage();
          const result = await generator.run(j);
          const cpu = process.cpuUsage(cpuBefore);
          assertClean(target, result);
          const rows = await rowsWithPrefix(db, room, j.body.clientIdPrefix);
          if (rows !== result.ok2xx || result.ok2xx !== amount) {
            throw new Error(
              `${target} round ${r}: ${result.ok2xx} 2xx responses of ${amount}, but ${rows} new rows`,
            );
          }
          estimate[target] = result.rps;
          runs.push({
            target,
            round: r,
            rps: round(result.rps, 1),
            p50: result.p50,
            p99: result.p99,
            cpuUsPerRequest: round((cpu.user + cpu.system) / result.ok2xx, 0),
            serverCpuShare: round((cpu.user + cpu.system) / 1e6 / result.seconds, 2),
            generatorCpuShare: round(result.generatorCpuShare, 2),
            requests: result.ok2xx,
            seconds: round(result.seconds, 2),
          });
        }
      }

      const summary = (target: Target) => {
        const mine = runs.filter((x) => x.target === target);
        return {
          rps: round(median(mine.map((x) => x.rps)), 1),
          p50: round(median(mine.map((x) => x.p50)), 2),
          p99: round(median(mine.map((x) => x.p99)), 2),
          cpuUsPerRequest: median(mine.map((x) => x.cpuUsPerRequest)),
        };
      };
      const realStats = summary('real');
      const bareStats = summary('bare');
      const ratio = round(realStats.rps / bareStats.rps, 3);
      // The same comparison in CPU time per request: steadier than rps when other processes
      // share the machine, and it says whether the gap is work (CPU) or waiting.
      const cpuRatio = round(bareStats.cpuUsPerRequest / realStats.cpuUsPerRequest, 3);
      const result = {
        name: 'logging',
        date: new Date().toISOString(),
        machine: machine(),
        dialect: 'sqlite' as const,
        real: realStats,
        bare: bareStats,
        ratio,
        target: TARGET,
        meetsTarget: ratio >= TARGET,
        cpuRatio,
        units: {
          rps: '2xx responses per second (median of rounds)',
          p50: 'ms',
          p99: 'ms',
          cpuUsPerRequest: "µs of the servers' process CPU time per request",
        },
        method: {
          connections: CONNECTIONS,
          warmupSeconds: WARMUP_SECONDS,
          runSeconds: RUN_SECONDS,
          rounds: ROUNDS,
          students: STUDENTS,
          order: 'bare, real, alternating',
          processModel:
            'both servers in one process sharing one Kysely/better-sqlite3 instance; load from a child process',
        },
        runs,
      };
      const file = writeResult('logging', result);
      return [
        `logging (sqlite, ${CONNECTIONS} connections, median of ${ROUNDS} × ~${RUN_SECONDS}s runs)`,
        ...(['real', 'bare'] as const).map((t) => {
          const s = t === 'real' ? realStats : bareStats;
          return `  ${t} route  ${s.rps} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms   ${s.cpuUsPerRequest} µs CPU/request`;
        }),
        `  ratio real ÷ bare = ${ratio}  (target ≥ ${TARGET}: ${ratio >= TARGET ? 'met' : 'NOT met'}; by CPU time ${cpuRatio})`,
        `  wrote ${file}`,
      ].join('\n');
    } finally {
      await load?.close();
      for (const app of apps) await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
