// The Fastify app every feature stands on: logging, cookies, sessions and policies, the error
// handler, and (when built) the web app. The features' routes come from the composition root
// (src/server/app.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config, TrustProxy } from '../config.js';
import type { Db } from '../db/database.js';
import { ReadRouter } from '../db/read-router.js';
import sessionPlugin from '../auth/session-plugin.js';
import linksPlugin from '../links/links.plugin.js';
import { installErrorHandler } from './error-handler.js';

export interface AppDeps {
  config: Pick<
    Config,
    'sessionSecret' | 'sessionTtlHours' | 'logLevel' | 'trustProxy' | 'minGroupSize'
  >;
  db: Db;
  /** A streaming replica for dashboard reads, with its lag limit (docs/decisions/018). */
  replica?: { db: Db; maxLagSeconds: number; checkEveryMs?: number } | null;
  /** Folder of the built web app; served with an SPA fallback when present. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Clock for services; tests pass a fixed one. */
  now?: () => Date;
}

export type App = FastifyInstance;

export const DEFAULT_WEB_ROOT = resolve(import.meta.dirname, '../../../../dist/web');

declare module 'fastify' {
  interface FastifyInstance {
    deps: Required<Pick<AppDeps, 'db' | 'now'>> & {
      config: AppDeps['config'];
      /** Where dashboard reads run: the replica when usable, else the primary. */
      reads: ReadRouter;
    };
    /** "METHOD /url" of every route with a policy, for the unauthorized-access test's coverage check. */
    policyRoutes: Array<{ method: string; url: string; policy: unknown }>;
  }
}

/**
 * TRUST_PROXY as Fastify takes it. A hop count trusts that many addresses from the socket
 * inwards (the proxy-addr rule: hop i is trusted while i < hops), so the client is the entry
 * just left of the proxies' own; Fastify's own number means "trust none". A list of addresses
 * is compiled by proxy-addr: entries are skipped from the right while they are a listed proxy.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust === 0 ? false : (_address, hop) => hop < trust;
  return trust;
}

/**
 * The platform's HTTP app (logging, cookies, sessions and policies, the error handler, the web
 * app when built) with the routes that `routes` registers: src/server/app.ts passes every
 * feature's, so this module never imports a feature.
 */
export async function buildHttpApp(
  deps: AppDeps,
  routes: (app: App) => Promise<void>,
): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    bodyLimit: 256 * 1024,
    // Ajv keeps additional properties as errors (additionalProperties: false in contracts) and
    // does not coerce JSON bodies, so a wrong type is reported, not silently converted.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const reads = new ReadRouter({
    primary: deps.db,
    replica: deps.replica?.db ?? null,
    ...(deps.replica ? { maxLagSeconds: deps.replica.maxLagSeconds } : {}),
    ...(deps.replica?.checkEveryMs !== undefined
      ? { checkEveryMs: deps.replica.checkEveryMs }
      : {}),
    log: app.log,
  });
  app.decorate('deps', {
    db: deps.db,
    now: deps.now ?? (() => new Date()),
    config: deps.config,
    reads,
  });
  app.decorate('policyRoutes', []);
  app.addHook('onRoute', (route) => {
    if (route.config?.policy === undefined) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.policyRoutes.push({ method, url: route.url, policy: route.config.policy });
    }
  });
  const webRoot = deps.webRoot === undefined ? DEFAULT_WEB_ROOT : deps.webRoot;
  const serveWeb = Boolean(webRoot && existsSync(resolve(webRoot, 'index.html')));
  installErrorHandler(app, { spaShell: serveWeb });
  await app.register(cookie, { secret: deps.config.sessionSecret });
  await app.register(sessionPlugin, {
    db: deps.db,
    ttlHours: deps.config.sessionTtlHours,
    now: app.deps.now,
  });
  await app.register(linksPlugin, { db: deps.db, now: app.deps.now });

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reads.markWrite(_req, reply);
  });

  await routes(app);

  if (serveWeb)
    await app.register(fastifyStatic, { root: webRoot!, wildcard: false, index: ['index.html'] });
  return app;
}
