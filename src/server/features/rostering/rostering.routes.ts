import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import { ImportQuery, JobParams, RosterJob, RosterJobList } from '../../../contracts/rostering.js';
import {
  applyImport,
  getJob,
  listJobs,
  startImport,
  waitForRosterJobs,
} from './rostering.service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
};

/** Largest OneRoster zip the admin page accepts (a district of 100,000 students is ~20 MB). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

const rosteringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  const now = () => app.deps.now();
  // A rolling restart lets a running import finish (and record its end) before the process stops.
  app.addHook('onClose', async () => waitForRosterJobs());

  // The zip arrives as the raw body; only this plugin's routes accept these types.
  app.addContentTypeParser(
    ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/imports',
    {
      config: { policy: ['district_admin'] },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: { querystring: ImportQuery, response: { 202: RosterJob, ...errors } },
    },
    async (req, reply) => {
      const name = req.headers['x-file-name'];
      const job = await startImport(
        { db, actor: req.actor!, now, log: req.log },
        {
          bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          name: typeof name === 'string' ? decodeURIComponent(name).slice(0, 200) : null,
          dryRun: req.query.dryRun !== 'false',
        },
      );
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/imports',
    {
      config: { policy: ['district_admin'] },
      schema: { response: { 200: RosterJobList, ...errors } },
    },
    async (req) => ({ jobs: await listJobs(db, req.actor!, now()) }),
  );

  app.get(
    '/imports/:jobId',
    {
      config: { policy: ['district_admin'] },
      schema: { params: JobParams, response: { 200: RosterJob, ...errors } },
    },
    async (req) => getJob(db, req.actor!, req.params.jobId, now()),
  );

  app.post(
    '/imports/:jobId/apply',
    {
      config: { policy: ['district_admin'] },
      schema: { params: JobParams, response: { 202: RosterJob, ...errors } },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(await applyImport({ db, actor: req.actor!, now, log: req.log }, req.params.jobId)),
  );
};

export default rosteringRoutes;
