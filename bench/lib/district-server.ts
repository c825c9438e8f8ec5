// One app instance of the district benchmark, in its own process: the real app and, beside it,
// the bare insert route (same process, another port), both on one PostgreSQL database with the
// clock fixed to the generated year's "today". Started by bench/district.ts with
// `fork(file, [json])`; answers `{ real, bare }` (base URLs) once listening; exits on disconnect.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { buildApp } from '../../src/server/app.js';

export interface ServerArgs {
  url: string;
  now: string;
  /** Whose rows the bare route writes (the real route takes them from the session). */
  districtId: string;
  accountId: string;
  teacherId: string;
  poolSize: number;
}

const args = JSON.parse(process.argv[2]!) as ServerArgs;

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/**
 * The bare equivalent of POST /api/interactions: parse the body, write what the real route writes
 * with the same single statement (claim the client id, insert the row if the claim is new),
 * answer 201. No session, CSRF, validation, roster check or response schema.
 */
function bareApp(pool: pg.Pool): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  const text = `with claim as (
      insert into interaction_requests (district_id, author_account_id, client_id, occurred_at, created_at)
      values ($1, $2, $3, $4, $4) on conflict do nothing returning 1)
    insert into interactions (district_id, id, client_id, author_account_id, teacher_id, student_id,
                              class_id, kind, tag, note, occurred_at, created_at)
    select $1, $5, $3, $2, $6, $7, $8, $9, null, null, $4, $4 where exists (select 1 from claim)`;
  app.post('/bare', async (req, reply) => {
    const body = req.body as {
      clientId: string;
      kind: string;
      studentIds: string[];
      classId: string;
    };
    const now = new Date(args.now).toISOString();
    const id = randomUUID();
    await pool.query({
      name: 'bare-insert',
      text,
      values: [
        args.districtId,
        args.accountId,
        body.clientId,
        now,
        id,
        args.teacherId,
        body.studentIds[0],
        body.classId,
        body.kind,
      ],
    });
    return reply.status(201).send({ id });
  });
  return app;
}

async function main() {
  const db = openDatabase({ dialect: 'postgres', url: args.url }, { poolSize: args.poolSize });
  const real = await buildApp({
    config: {
      sessionSecret: 'bench-secret-bench-secret-bench-secret-00',
      sessionTtlHours: 12,
      logLevel: 'silent',
      trustProxy: false,
      minGroupSize: 5,
    },
    db,
    webRoot: null,
    logger: false,
    now: () => new Date(args.now),
  });
  const pool = new pg.Pool({ connectionString: args.url, max: args.poolSize });
  const bare = bareApp(pool);
  const urls = { real: await listen(real), bare: await listen(bare) };
  process.send!(urls);
  process.on('disconnect', () => {
    void Promise.all([real.close(), bare.close()])
      .then(() => Promise.all([db.close(), pool.end()]))
      .finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
