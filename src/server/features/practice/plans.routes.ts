import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import {
  LogIncidentBody,
  LogIncidentResponse,
  PlanParams,
  PlanView,
  ReflectPlanBody,
  StartPlanBody,
} from '../../../contracts/practice.js';
import { logIncident } from './incidents.service.js';
import { getPlan, reflectOnPlan, startPlan, stopPlan } from './plans.service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const teacherOnly = { policy: ['teacher'] as const };

/** Two-by-ten plans (under /api/plans). */
export const plansRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  app.post(
    '/',
    {
      config: teacherOnly,
      schema: { body: StartPlanBody, response: { 201: PlanView, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await startPlan(db.kysely, req.ctx!, req.body)),
  );
  app.get(
    '/:planId',
    { config: teacherOnly, schema: { params: PlanParams, response: { 200: PlanView, ...errors } } },
    async (req) => getPlan(db.kysely, req.ctx!, req.params.planId),
  );
  app.post(
    '/:planId/reflection',
    {
      config: teacherOnly,
      schema: { params: PlanParams, body: ReflectPlanBody, response: { 200: PlanView, ...errors } },
    },
    async (req) => reflectOnPlan(db.kysely, req.ctx!, req.params.planId, req.body),
  );
  app.post(
    '/:planId/stop',
    { config: teacherOnly, schema: { params: PlanParams, response: { 200: PlanView, ...errors } } },
    async (req) => stopPlan(db.kysely, req.ctx!, req.params.planId),
  );
};

/** Incidents with charitable explanations (under /api/incidents). */
export const incidentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  app.post(
    '/',
    {
      config: teacherOnly,
      schema: {
        body: LogIncidentBody,
        response: { 200: LogIncidentResponse, 201: LogIncidentResponse, ...errors },
      },
    },
    async (req, reply) => {
      const result = await logIncident(db.kysely, req.ctx!, req.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
};
