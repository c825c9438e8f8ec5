import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SessionResponse, SetLocaleBody, SignInBody } from '../../../contracts/auth.js';
import { ErrorResponse, Ok } from '../../../contracts/common.js';
import {
  clearSessionCookie,
  sessionTools,
  setSessionCookie,
} from '../../platform/auth/session-plugin.js';
import { describeSession, setLocale, signIn } from './auth.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse };

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, config } = app.deps;
  const sessions = sessionTools({ db, ttlHours: config.sessionTtlHours });

  app.post(
    '/sign-in',
    {
      config: { policy: 'public' },
      schema: { body: SignInBody, response: { 200: SessionResponse, ...errors } },
    },
    async (req, reply) => {
      const account = await signIn(
        db.kysely,
        req.body.username,
        req.body.password,
        req.ip,
        app.deps.now(),
      );
      if (req.actor) await sessions.repo.remove(req.actor.districtId, req.actor.sessionId);
      const s = await sessions.start({
        districtId: account.district_id,
        accountId: account.id,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, req, s.cookie, s.expiresAt);
      return {
        user: await describeSession(db.kysely, account.district_id, account.id),
        csrfToken: s.csrfToken,
      };
    },
  );

  app.post(
    '/sign-out',
    { config: { policy: 'signed-in' }, schema: { response: { 200: Ok, ...errors } } },
    async (req, reply) => {
      await sessions.repo.remove(req.actor!.districtId, req.actor!.sessionId);
      clearSessionCookie(reply, req);
      return { ok: true as const };
    },
  );

  app.get(
    '/session',
    { config: { policy: 'signed-in' }, schema: { response: { 200: SessionResponse, ...errors } } },
    async (req) => ({
      user: await describeSession(db.kysely, req.actor!.districtId, req.actor!.accountId),
      csrfToken: req.actor!.csrfToken,
    }),
  );

  app.put(
    '/locale',
    {
      config: { policy: 'signed-in' },
      schema: { body: SetLocaleBody, response: { 200: Ok, ...errors } },
    },
    async (req) => {
      await setLocale(db.kysely, req.actor!, req.body.locale);
      return { ok: true as const };
    },
  );
};

export default authRoutes;
