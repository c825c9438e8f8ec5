import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse } from '../../../contracts/health.js';
import { migrationVersion, pingDatabase } from '../../platform/db/database.js';

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { policy: 'public' },
      schema: { response: { 200: HealthResponse, 503: HealthResponse } },
    },
    async (req, reply) => {
      const { db } = app.deps;
      try {
        await pingDatabase(db);
        const migration = await migrationVersion(db);
        return {
          status: 'ok' as const,
          database: { dialect: db.dialect, reachable: true, migration },
        };
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        return reply.status(503).send({
          status: 'degraded' as const,
          database: { dialect: db.dialect, reachable: false, migration: null },
        });
      }
    },
  );
};

export default healthRoutes;
