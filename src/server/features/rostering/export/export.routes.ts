import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../../contracts/common.js';
import { RosterExportZip } from '../../../../contracts/roster-export.js';
import { exportRoster } from './export.service.js';

const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The roster export, registered under /api/rostering. */
const rosterExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  app.get(
    '/export',
    {
      config: { policy: ['district_admin'] },
      schema: { response: { 200: RosterExportZip, ...errors } },
    },
    async (req, reply) => {
      const { fileName, body } = await exportRoster(db.kysely, req.ctx!);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};

export default rosterExportRoutes;
