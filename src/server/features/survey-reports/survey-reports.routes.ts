// Survey reports under /api/survey-reports. Routes translate HTTP only; access rules live in the
// service and survey-reports.policy.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import {
  GapParams,
  GapResponse,
  ReportListResponse,
  ReportParams,
  ReportResponse,
  ReportSettingsBody,
  ReportSettingsResponse,
} from '../../../contracts/survey-reports.js';
import { getGap } from './gap.service.js';
import { reportCsv } from './report-csv.js';
import { getReport, getSettings, listReports, updateSettings } from './survey-reports.service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const STAFF = ['teacher', 'leader', 'district_admin'] as const;

const surveyReportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  const minimum = () => app.deps.config.minGroupSize;

  app.get(
    '/',
    {
      config: { policy: STAFF },
      schema: { response: { 200: ReportListResponse, ...errors } },
    },
    async (req) => listReports(db.kysely, req.ctx!, minimum()),
  );

  app.get(
    '/:administrationId/:scope/:scopeId',
    {
      config: { policy: STAFF },
      schema: { params: ReportParams, response: { 200: ReportResponse, ...errors } },
    },
    async (req) => getReport(db.kysely, req.ctx!, req.params, minimum()),
  );

  app.get(
    '/:administrationId/:scope/:scopeId/csv',
    {
      config: { policy: STAFF },
      schema: {
        params: ReportParams,
        response: { 200: Type.String({ description: 'text/csv' }), ...errors },
      },
    },
    async (req, reply) => {
      const report = await getReport(db.kysely, req.ctx!, req.params, minimum(), 'export');
      const name = `survey-${req.params.scope}-${req.params.administrationId}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(reportCsv(report, req.actor!.locale));
    },
  );

  app.get(
    '/:administrationId/gaps/:classId',
    {
      config: { policy: ['teacher'] },
      schema: { params: GapParams, response: { 200: GapResponse, ...errors } },
    },
    async (req) => getGap(db.kysely, req.ctx!, req.params, minimum()),
  );

  app.get(
    '/settings',
    {
      config: { policy: ['district_admin'] },
      schema: { response: { 200: ReportSettingsResponse, ...errors } },
    },
    async (req) => getSettings(db.kysely, req.ctx!, minimum()),
  );

  app.put(
    '/settings',
    {
      config: { policy: ['district_admin'] },
      schema: { body: ReportSettingsBody, response: { 200: ReportSettingsResponse, ...errors } },
    },
    async (req) => updateSettings(db.kysely, req.ctx!, req.body, minimum()),
  );
};

export default surveyReportsRoutes;
