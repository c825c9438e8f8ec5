import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse } from '../../../contracts/health.js';
import { migrationVersion, pingDatabase } from '../../platform/db/database.js';
import type { ReplicaState } from '../../platform/db/read-router.js';

function replicaFields(state: ReplicaState) {
  const lag = 'lagSeconds' in state ? state.lagSeconds : null;
  return {
    replica: state.status,
    // Rounded to milliseconds; a lag that cannot be measured (nothing replayed yet) is null.
    replicaLagSeconds: lag !== null && Number.isFinite(lag) ? Math.round(lag * 1000) / 1000 : null,
  };
}

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // For load balancers: 200 while the primary answers (even with the replica down, since reads
  // then fall back to the primary), 503 when it does not.
  app.get(
    '/healthz',
    {
      config: { policy: 'public' },
      schema: { response: { 200: HealthResponse, 503: HealthResponse } },
    },
    async (req, reply) => {
      const { db, reads } = app.deps;
      try {
        await pingDatabase(db);
        const migration = await migrationVersion(db);
        const replica = replicaFields(await reads.state());
        return {
          status: replica.replica === 'none' || replica.replica === 'up' ? 'ok' : 'degraded',
          database: { dialect: db.dialect, reachable: true, migration },
          ...replica,
        } as const;
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        return reply.status(503).send({
          status: 'degraded' as const,
          database: { dialect: db.dialect, reachable: false, migration: null },
          ...replicaFields(await reads.state()),
        });
      }
    },
  );
};

export default healthRoutes;
