import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClassParams, ClassViewResponse, TeacherHomeResponse } from '../../../contracts/classes.js';
import { ErrorResponse } from '../../../contracts/common.js';
import { getClassView, getTeacherHome } from './classes.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const classesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The home may read from the replica; the class view, read right after logging, never does
  // (decision 018).
  const { db, reads } = app.deps;

  app.get(
    '/home/teacher',
    {
      config: { policy: ['teacher'] },
      schema: { response: { 200: TeacherHomeResponse, ...errors } },
    },
    async (req) => reads.dashboard(req, (k) => getTeacherHome(k, req.ctx!)),
  );

  app.get(
    '/classes/:classId',
    {
      config: { policy: ['teacher'] },
      schema: { params: ClassParams, response: { 200: ClassViewResponse, ...errors } },
    },
    async (req) => getClassView(db.kysely, req.ctx!, req.params.classId),
  );
};

export default classesRoutes;
