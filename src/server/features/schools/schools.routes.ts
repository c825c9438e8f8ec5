import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import { AdminHomeResponse, LeaderHomeResponse } from '../../../contracts/schools.js';
import { getAdminHome, getLeaderHome } from './schools.service.js';

const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const schoolsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Both homes are aggregates: they read from the replica when there is one (decision 018).
  const { reads } = app.deps;
  app.get(
    '/home/leader',
    {
      config: { policy: ['leader'] },
      schema: { response: { 200: LeaderHomeResponse, ...errors } },
    },
    async (req) => reads.dashboard(req, (k) => getLeaderHome(k, req.ctx!)),
  );
  app.get(
    '/home/admin',
    {
      config: { policy: ['district_admin'] },
      schema: { response: { 200: AdminHomeResponse, ...errors } },
    },
    async (req) => reads.dashboard(req, (k) => getAdminHome(k, req.ctx!)),
  );
};

export default schoolsRoutes;
