// The equity lens is the teacher's alone: no leader, admin or coach route reads it, and it has
// no parameter that could name another teacher.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EquityLensResponse } from '../../../contracts/insights.js';
import { getEquityLens } from './equity-lens.service.js';
import { errors } from './insights.routes.js';

const equityLensRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  app.get(
    '/equity-lens',
    {
      config: { policy: ['teacher'] as const },
      schema: { response: { 200: EquityLensResponse, ...errors } },
    },
    async (req) => getEquityLens(db.kysely, req.ctx!, app.deps.config.minGroupSize),
  );
};

export default equityLensRoutes;
