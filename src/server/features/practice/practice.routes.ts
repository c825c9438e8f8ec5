import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import {
  ClassParams,
  ClassRatiosResponse,
  DismissBody,
  DyadResponse,
  PracticeTodayResponse,
  RepairNotNeededBody,
  RepairReportResponse,
  SetConflictHistoryBody,
  SetStageBody,
  StudentParams,
  UndoRepairNotNeededBody,
} from '../../../contracts/practice.js';
import {
  dismissFocus,
  getClassRatios,
  getDyad,
  getPracticeToday,
  getRepairReport,
  markRepairNotNeeded,
  setConflictHistory,
  setStage,
  undoRepairNotNeeded,
} from './practice.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const writeErrors = { ...errors, 409: ErrorResponse };
// A teacher's practice is theirs alone: no other role reads it (PRODUCT.md).
const teacherOnly = { policy: ['teacher'] as const };

const practiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Reports (today, repairs, class ratios) may read from the replica; the dyad view and every
  // write use the primary (decision 018).
  const { db, reads } = app.deps;

  app.get(
    '/today',
    { config: teacherOnly, schema: { response: { 200: PracticeTodayResponse, ...errors } } },
    async (req) => reads.dashboard(req, (k) => getPracticeToday(k, req.ctx!)),
  );

  app.get(
    '/repairs',
    { config: teacherOnly, schema: { response: { 200: RepairReportResponse, ...errors } } },
    async (req) => reads.dashboard(req, (k) => getRepairReport(k, req.ctx!)),
  );

  app.get(
    '/classes/:classId',
    {
      config: teacherOnly,
      schema: { params: ClassParams, response: { 200: ClassRatiosResponse, ...errors } },
    },
    async (req) => reads.dashboard(req, (k) => getClassRatios(k, req.ctx!, req.params.classId)),
  );

  app.get(
    '/students/:studentId',
    {
      config: teacherOnly,
      schema: { params: StudentParams, response: { 200: DyadResponse, ...errors } },
    },
    async (req) => getDyad(db.kysely, req.ctx!, req.params.studentId),
  );

  app.post(
    '/students/:studentId/stage',
    {
      config: teacherOnly,
      schema: {
        params: StudentParams,
        body: SetStageBody,
        response: { 200: DyadResponse, ...errors },
      },
    },
    async (req) => setStage(db.kysely, req.ctx!, req.params.studentId, req.body.stage),
  );

  app.put(
    '/students/:studentId/conflict-history',
    {
      config: teacherOnly,
      schema: {
        params: StudentParams,
        body: SetConflictHistoryBody,
        response: { 200: DyadResponse, ...errors },
      },
    },
    async (req) =>
      setConflictHistory(db.kysely, req.ctx!, req.params.studentId, req.body.conflictHistory),
  );

  app.post(
    '/focus/dismissals',
    {
      config: teacherOnly,
      schema: { body: DismissBody, response: { 200: PracticeTodayResponse, ...errors } },
    },
    async (req) => dismissFocus(db.kysely, req.ctx!, req.body.studentId),
  );

  // "Not needed": closes the student's open repair in one tap; undone like a logged moment.
  app.post(
    '/repairs/not-needed',
    {
      config: teacherOnly,
      schema: {
        body: RepairNotNeededBody,
        response: { 200: PracticeTodayResponse, ...writeErrors },
      },
    },
    async (req) => markRepairNotNeeded(db.kysely, req.ctx!, req.body.studentId, req.body.clientId),
  );

  app.post(
    '/repairs/not-needed/undo',
    {
      config: teacherOnly,
      schema: {
        body: UndoRepairNotNeededBody,
        response: { 200: PracticeTodayResponse, ...writeErrors },
      },
    },
    async (req) => undoRepairNotNeeded(db.kysely, req.ctx!, req.body.clientId),
  );
};

export default practiceRoutes;
