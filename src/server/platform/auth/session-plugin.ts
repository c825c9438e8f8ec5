// Sessions, CSRF and route policies for every request.
// - The cookie holds "<districtId>.<token>", signed with SESSION_SECRET; the database keeps
//   only SHA-256(token), keyed by (district_id, id) like every tenant table.
// - State-changing requests with a session must carry the session's CSRF token in
//   x-csrf-token; any state-changing request whose Origin is another site is refused.
// - Each route declares config.policy; a route without one refuses to register.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../../contracts/common.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Db } from '../db/database.js';
import { requestContext, type RequestContext } from '../context/request-context.js';
import type { Actor, RoutePolicy } from './actor.js';
import { sessionRepository } from './session.repository.js';
import { hashToken } from './tokens.js';
import type {} from '../links/links.plugin.js'; // req.linkActor

export const SESSION_COOKIE = 'rapport_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in caller's world for this request (actor, now, today, term), or null. */
    ctx: RequestContext | null;
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export interface SessionOptions {
  db: Db;
  ttlHours: number;
  /** The services' clock: what "now" and "today" are for a request's context. */
  now?: () => Date;
}

export interface NewSession {
  districtId: string;
  accountId: string;
  ip: string;
  userAgent: string | null;
}

export function sessionTools(opts: SessionOptions) {
  const repo = sessionRepository(opts.db.kysely);
  const ttlMs = opts.ttlHours * 3600_000;
  return {
    repo,
    ttlMs,
    /** Creates a session row and returns the cookie value and CSRF token. */
    async start(s: NewSession): Promise<{ cookie: string; csrfToken: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = Date.now();
      const expiresAt = new Date(now + ttlMs);
      await repo.create({
        district_id: s.districtId,
        id: hashToken(token),
        account_id: s.accountId,
        csrf_token: csrfToken,
        created_at: new Date(now).toISOString(),
        expires_at: expiresAt.toISOString(),
        ip: s.ip,
        user_agent: s.userAgent?.slice(0, 300) ?? null,
      });
      return { cookie: `${s.districtId}.${token}`, csrfToken, expiresAt };
    },
  };
}

export function setSessionCookie(
  reply: FastifyReply,
  req: FastifyRequest,
  value: string,
  expires: Date,
) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    signed: true,
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply, req: FastifyRequest) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
  });
}

function allows(
  policy: RoutePolicy,
  actor: Actor | null,
  linkPurpose: string | null,
): 'ok' | 'unauthenticated' | 'forbidden' {
  if (policy === 'public') return 'ok';
  if (!actor && typeof policy === 'object' && 'link' in policy && policy.link === linkPurpose)
    return 'ok';
  if (!actor) return 'unauthenticated';
  if (policy === 'signed-in') return 'ok';
  const roles: readonly Role[] = 'roles' in policy ? policy.roles : (policy as readonly Role[]);
  return roles.includes(actor.role) ? 'ok' : 'forbidden';
}

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // Non-browser clients; the CSRF token still applies.
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

async function sessionPlugin(app: FastifyInstance, opts: SessionOptions) {
  const tools = sessionTools(opts);
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null);
  const clock = opts.now ?? (() => new Date());

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') || route.url === '/healthz') {
      if (route.config?.policy === undefined) {
        throw new Error(`route ${route.method} ${route.url} declares no policy (config.policy)`);
      }
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    const raw = req.cookies[SESSION_COOKIE];
    // Only the API has callers; /healthz and the web app's files answer without a session, so
    // they still answer while the database is down (a health check must say "down", not fail).
    if (raw && req.url.startsWith('/api/')) {
      const unsigned = req.unsignCookie(raw);
      const dot = unsigned.valid && unsigned.value ? unsigned.value.indexOf('.') : -1;
      if (dot > 0) {
        const districtId = unsigned.value!.slice(0, dot);
        const sessionId = hashToken(unsigned.value!.slice(dot + 1));
        const now = Date.now();
        const row = await tools.repo.findActive(districtId, sessionId, new Date(now).toISOString());
        if (row) {
          req.actor = {
            accountId: row.accountId,
            districtId: row.district_id,
            personId: row.person_id,
            role: row.role as Role,
            schoolId: row.school_id,
            locale: row.locale === 'es' ? 'es' : 'en',
            timeZone: row.timezone,
            sessionId: row.sessionId,
            csrfToken: row.csrf_token,
            ip: req.ip,
          };
          req.ctx = requestContext(opts.db.kysely, req.actor, clock());
          // Sliding expiry, written at most once per half-life so reads stay reads.
          const expiresAt = Date.parse(row.expires_at);
          if (expiresAt - now < tools.ttlMs / 2) {
            const next = new Date(now + tools.ttlMs);
            await tools.repo.extend(districtId, sessionId, next.toISOString());
            setSessionCookie(reply, req, unsigned.value!, next);
          }
        }
      }
    }
  });

  app.addHook('preHandler', async (req) => {
    const policy = req.routeOptions.config?.policy;
    if (policy === undefined) return; // static files and the SPA shell
    if (!SAFE_METHODS.has(req.method)) {
      if (!sameOrigin(req)) throw new ForbiddenError('Request refused: it came from another site.');
      // Public routes (sign-in) are covered by the Origin check; they need no session token.
      // A one-time link's session carries its own token (platform/links).
      const csrf = req.actor?.csrfToken ?? req.linkActor?.csrfToken;
      if (csrf && policy !== 'public' && req.headers['x-csrf-token'] !== csrf) {
        throw new ForbiddenError(
          'Request refused: missing or wrong CSRF token. Reload the page and try again.',
        );
      }
    }
    const verdict = allows(policy, req.actor, req.linkActor?.purpose ?? null);
    if (verdict === 'unauthenticated') throw new UnauthenticatedError();
    if (verdict === 'forbidden') throw new ForbiddenError();
  });
}

export default fp(sessionPlugin, { name: 'rapport-sessions' });
