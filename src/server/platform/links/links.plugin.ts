// Reads the link-session cookie on every request (req.linkActor) and serves redeeming. Routes
// that accept link sessions declare `config.policy = { link: '<purpose>', roles: [...] }`; the
// session plugin checks it (auth/session-plugin.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { ErrorResponse } from '../../../contracts/common.js';
import { LinkSessionResponse, RedeemLinkBody } from '../../../contracts/links.js';
import type { Db } from '../db/database.js';
import { findLinkActor, LINK_COOKIE, redeemLink, type LinkActor } from './links.js';

declare module 'fastify' {
  interface FastifyRequest {
    linkActor: LinkActor | null;
  }
}

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 410: ErrorResponse };

const linksPlugin: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, opts) => {
  app.decorateRequest('linkActor', null);
  app.addHook('onRequest', async (req) => {
    const raw = req.cookies[LINK_COOKIE];
    if (!raw) return;
    const unsigned = req.unsignCookie(raw);
    if (unsigned.valid && unsigned.value)
      req.linkActor = await findLinkActor(opts.db.kysely, unsigned.value, opts.now());
  });

  const view = (a: LinkActor) => ({
    purpose: a.purpose,
    targetId: a.targetId,
    name: a.name,
    expiresAt: a.expiresAt,
    csrfToken: a.csrfToken,
  });

  app.post(
    '/api/links/redeem',
    {
      config: { policy: 'public' },
      schema: { body: RedeemLinkBody, response: { 200: LinkSessionResponse, ...errors } },
    },
    async (req, reply) => {
      const { cookie, expiresAt } = await redeemLink(opts.db.kysely, req.body.code, opts.now());
      reply.setCookie(LINK_COOKIE, cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        signed: true,
        expires: expiresAt,
      });
      const actor = await findLinkActor(opts.db.kysely, cookie, opts.now());
      return { session: actor ? view(actor) : null };
    },
  );

  app.get(
    '/api/links/session',
    { config: { policy: 'public' }, schema: { response: { 200: LinkSessionResponse } } },
    async (req) => ({ session: req.linkActor ? view(req.linkActor) : null }),
  );
};

export default fp(linksPlugin, { name: 'rapport-links', dependencies: ['rapport-sessions'] });
