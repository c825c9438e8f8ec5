import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import { StudentCardResponse, StudentParams } from '../../../contracts/students.js';
import { getStudentCard } from './students.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const studentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  app.get(
    '/:studentId',
    {
      config: { policy: ['teacher', 'leader', 'district_admin'] },
      schema: { params: StudentParams, response: { 200: StudentCardResponse, ...errors } },
    },
    async (req) => getStudentCard(db.kysely, req.ctx!, req.params.studentId),
  );
};

export default studentsRoutes;
