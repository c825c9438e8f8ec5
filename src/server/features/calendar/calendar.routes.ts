import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import {
  CalendarResponse,
  DayOff,
  DayOffBody,
  DayOffParams,
  IcsImportResponse,
} from '../../../contracts/rostering.js';
import { MAX_ICS_BYTES } from '../../../domain/icalendar.js';
import { getCalendar, importIcs, removeDayOff, setDayOff } from './calendar.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const policy = ['district_admin'] as const;

const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  // An .ics upload is the raw file as text/calendar; the limit applies to this plugin only.
  app.addContentTypeParser(
    'text/calendar',
    { parseAs: 'string', bodyLimit: MAX_ICS_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '',
    { config: { policy }, schema: { response: { 200: CalendarResponse, ...errors } } },
    async (req) => getCalendar(db.kysely, req.actor!),
  );
  app.post(
    '/ics',
    {
      config: { policy },
      schema: { body: Type.String(), response: { 200: IcsImportResponse, ...errors } },
    },
    async (req) => importIcs(db.kysely, req.actor!, req.body),
  );
  app.put(
    '/days-off/:date',
    {
      config: { policy },
      schema: {
        params: DayOffParams,
        body: DayOffBody,
        response: { 200: DayOff, ...errors },
      },
    },
    async (req) => setDayOff(db.kysely, req.actor!, req.params.date, req.body.reason),
  );
  app.delete(
    '/days-off/:date',
    {
      config: { policy },
      schema: { params: DayOffParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await removeDayOff(db.kysely, req.actor!, req.params.date);
      return reply.status(204).send(null);
    },
  );
};

export default calendarRoutes;
