import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Id, Ok } from '../../../contracts/common.js';
import {
  AdministrationParams,
  CancelAdministrationResponse,
  UpdateAdministrationBody,
  AdministrationListResponse,
  AdministrationSetupQuery,
  AdministrationSetupResponse,
  AdministrationView,
  CreateAdministrationBody,
  CreateSurveyLinksBody,
  OpenSurveysResponse,
  SaveDraftBody,
  SubmitResponseBody,
  SubmitResponseResult,
  SurveyLinksResponse,
  TakeParams,
  TakeQuery,
  TakeSurveyResponse,
} from '../../../contracts/surveys.js';
import {
  cancelAdministration,
  closeAdministration,
  updateAdministration,
} from './administrations.service.js';
import { takerOf } from './surveys.policy.js';
import {
  createAdministration,
  createSurveyLinks,
  getAdministrationSetup,
  listAdministrations,
  listOpenSurveys,
  saveDraft,
  submitResponse,
  takeSurvey,
} from './surveys.service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const RUNNERS = ['leader', 'district_admin'] as const;
const TAKERS = { link: 'survey', roles: ['student', 'teacher'] } as const;

const surveysRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, now } = app.deps;
  const k = db.kysely;

  app.get(
    '/administrations',
    {
      config: { policy: RUNNERS },
      schema: { response: { 200: AdministrationListResponse, ...errors } },
    },
    async (req) => listAdministrations(k, req.ctx!),
  );
  app.get(
    '/administrations/setup',
    {
      config: { policy: RUNNERS },
      schema: {
        querystring: AdministrationSetupQuery,
        response: { 200: AdministrationSetupResponse, ...errors },
      },
    },
    async (req) => getAdministrationSetup(k, req.ctx!, req.query.schoolId ?? null),
  );
  app.post(
    '/administrations',
    {
      config: { policy: RUNNERS },
      schema: { body: CreateAdministrationBody, response: { 201: AdministrationView, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await createAdministration(k, req.ctx!, req.body)),
  );
  app.patch(
    '/administrations/:administrationId',
    {
      config: { policy: RUNNERS },
      schema: {
        params: AdministrationParams,
        body: UpdateAdministrationBody,
        response: { 200: AdministrationView, ...errors },
      },
    },
    async (req) => updateAdministration(k, req.ctx!, req.params.administrationId, req.body),
  );
  app.post(
    '/administrations/:administrationId/close',
    {
      config: { policy: RUNNERS },
      schema: { params: AdministrationParams, response: { 200: AdministrationView, ...errors } },
    },
    async (req) => closeAdministration(k, req.ctx!, req.params.administrationId),
  );
  app.delete(
    '/administrations/:administrationId',
    {
      config: { policy: RUNNERS },
      schema: {
        params: AdministrationParams,
        response: { 200: CancelAdministrationResponse, ...errors },
      },
    },
    async (req) => cancelAdministration(k, req.ctx!, req.params.administrationId),
  );
  app.post(
    '/administrations/:administrationId/links',
    {
      config: { policy: ['teacher', 'leader'] },
      schema: {
        params: TakeParams,
        body: CreateSurveyLinksBody,
        response: { 201: SurveyLinksResponse, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await createSurveyLinks(k, req.ctx!, req.params.administrationId, req.body.classId)),
  );

  app.get(
    '/open',
    { config: { policy: TAKERS }, schema: { response: { 200: OpenSurveysResponse, ...errors } } },
    async (req) =>
      listOpenSurveys(k, takerOf(req.ctx, req.linkActor, now()), req.actor?.locale ?? 'en', now()),
  );
  app.get(
    '/administrations/:administrationId/take',
    {
      config: { policy: TAKERS },
      schema: {
        params: TakeParams,
        querystring: TakeQuery,
        response: { 200: TakeSurveyResponse, ...errors },
      },
    },
    async (req) =>
      takeSurvey(
        k,
        takerOf(req.ctx, req.linkActor, now()),
        req.params.administrationId,
        req.query.subject,
        req.query.lang,
        now(),
      ),
  );
  app.put(
    '/administrations/:administrationId/draft',
    {
      config: { policy: TAKERS },
      schema: { params: TakeParams, body: SaveDraftBody, response: { 200: Ok, ...errors } },
    },
    async (req) => {
      await saveDraft(
        k,
        takerOf(req.ctx, req.linkActor, now()),
        req.params.administrationId,
        req.body,
        now(),
      );
      return { ok: true as const };
    },
  );
  app.post(
    '/administrations/:administrationId/responses',
    {
      config: { policy: TAKERS },
      schema: {
        params: Type.Object({ administrationId: Id }),
        body: SubmitResponseBody,
        response: { 200: SubmitResponseResult, 201: SubmitResponseResult, ...errors },
      },
    },
    async (req, reply) => {
      const result = await submitResponse(
        k,
        takerOf(req.ctx, req.linkActor, now()),
        req.params.administrationId,
        req.body,
        now(),
      );
      return reply.code(result.replayed ? 200 : 201).send(result);
    },
  );
};

export default surveysRoutes;
