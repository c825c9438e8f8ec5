// Insights routes: HTTP only; each calls one service function. Who may call what is declared
// here (roles) and checked record by record in insights.policy.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import {
  AccuracyResponse,
  ClassOverviewResponse,
  ClassParams,
  MyCommonalitiesResponse,
  PredictionParams,
  PredictionsResponse,
  SavePredictionBody,
  SchoolInsightSettings,
  SchoolParams,
  SetSchoolInsightSettingsBody,
  StudentCommonalitiesResponse,
  StudentParams,
} from '../../../contracts/insights.js';
import {
  getClassOverview,
  getMyCommonalities,
  getSchoolSettings,
  getStudentCommonalities,
  setSchoolSettings,
} from './commonalities.service.js';
import {
  getAccuracy,
  getPredictions,
  revealAnswers,
  savePrediction,
} from './predictions.service.js';

export const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
// What a teacher learns about their students, and their own practice: teachers only.
const teacherOnly = { policy: ['teacher'] as const };

const insightsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;

  app.get(
    '/students/:studentId/commonalities',
    {
      config: teacherOnly,
      schema: { params: StudentParams, response: { 200: StudentCommonalitiesResponse, ...errors } },
    },
    async (req) => getStudentCommonalities(db.kysely, req.ctx!, req.params.studentId),
  );

  app.get(
    '/classes/:classId/overview',
    {
      config: teacherOnly,
      schema: { params: ClassParams, response: { 200: ClassOverviewResponse, ...errors } },
    },
    async (req) => getClassOverview(db.kysely, req.ctx!, req.params.classId),
  );

  app.get(
    '/me/commonalities',
    {
      config: { policy: ['student'] as const },
      schema: { response: { 200: MyCommonalitiesResponse, ...errors } },
    },
    async (req) => getMyCommonalities(db.kysely, req.ctx!),
  );

  app.get(
    '/students/:studentId/predictions',
    {
      config: teacherOnly,
      schema: { params: StudentParams, response: { 200: PredictionsResponse, ...errors } },
    },
    async (req) => getPredictions(db.kysely, req.ctx!, req.params.studentId),
  );

  app.put(
    '/students/:studentId/predictions/:itemId',
    {
      config: teacherOnly,
      schema: {
        params: PredictionParams,
        body: SavePredictionBody,
        response: { 200: PredictionsResponse, ...errors },
      },
    },
    async (req) =>
      savePrediction(
        db.kysely,
        req.ctx!,
        req.params.studentId,
        req.params.itemId,
        req.body.optionIds,
      ),
  );

  app.post(
    '/students/:studentId/reveal',
    {
      config: teacherOnly,
      schema: { params: StudentParams, response: { 200: PredictionsResponse, ...errors } },
    },
    async (req) => revealAnswers(db.kysely, req.ctx!, req.params.studentId),
  );

  app.get(
    '/accuracy',
    { config: teacherOnly, schema: { response: { 200: AccuracyResponse, ...errors } } },
    async (req) => getAccuracy(db.kysely, req.ctx!),
  );

  const managers = { policy: ['leader', 'district_admin'] as const };
  app.get(
    '/schools/:schoolId/settings',
    {
      config: managers,
      schema: { params: SchoolParams, response: { 200: SchoolInsightSettings, ...errors } },
    },
    async (req) => getSchoolSettings(db.kysely, req.ctx!, req.params.schoolId),
  );
  app.put(
    '/schools/:schoolId/settings',
    {
      config: managers,
      schema: {
        params: SchoolParams,
        body: SetSchoolInsightSettingsBody,
        response: { 200: SchoolInsightSettings, ...errors },
      },
    },
    async (req) =>
      setSchoolSettings(
        db.kysely,
        req.ctx!,
        req.params.schoolId,
        req.body.studentsSeeCommonalities,
      ),
  );
};

export default insightsRoutes;
