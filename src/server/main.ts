// Starts Rapport: config, database, migrations, the demo district on an empty database, the
// HTTP server, and a clean shutdown.
import type { Config } from './platform/config.js';
import { migrateToLatest, openDatabase, type Db } from './platform/db/database.js';
import { buildApp, type App } from './app.js';
import { ensureAhead, keepPartitionsAhead } from './platform/db/partitions.js';
import { keepHouse } from './platform/housekeeping.js';
import { isEmpty, seedDemo, type DemoSummary } from './features/demo/demo.service.js';

export interface Running {
  app: App;
  db: Db;
  url: string;
  demo: DemoSummary | null;
  stop(): Promise<void>;
}

export async function start(config: Config): Promise<Running> {
  const db = openDatabase(config.database);
  await migrateToLatest(db);
  await ensureAhead(db.kysely, new Date()); // PostgreSQL: this month's partitions and the next ones
  const replica = config.replica
    ? openDatabase({ dialect: 'postgres', url: config.replica.url }, { connectTimeoutMs: 2000 })
    : null;
  let demo: DemoSummary | null = null;
  if (config.demo && (await isEmpty(db.kysely))) demo = await seedDemo(db.kysely);
  const app = await buildApp({
    config,
    db,
    replica: replica && { db: replica, maxLagSeconds: config.replica!.maxLagSeconds },
  });
  const stopPartitions = keepPartitionsAhead(
    db.kysely,
    () => new Date(),
    (err) => app.log.error({ err }, 'creating interaction partitions failed'),
  );
  // Expired sessions and drafts of closed surveys, deleted now and every hour.
  const housekeeping = keepHouse(db.kysely, () => new Date(), app.log);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    app,
    db,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    demo,
    async stop() {
      stopPartitions();
      await housekeeping.stop();
      await app.close();
      await db.close();
      await replica?.close();
    },
  };
}
