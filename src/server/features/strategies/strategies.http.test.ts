// The plugin on its own Fastify instance, with a fixed caller instead of a session: checks the
// schemas, the caller's locale as the default language, and the errors. Sign-in and policies are
// the session plugin's job and are tested with the whole app once the plugin is registered.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Strategy, StrategyListResponse } from '../../../contracts/strategies.js';
import type { Actor } from '../../platform/auth/actor.js';
import { installErrorHandler } from '../../platform/http/error-handler.js';
import strategiesRoutes from './strategies.routes.js';

const actor = (locale: 'en' | 'es'): Actor => ({
  accountId: 'a1',
  districtId: 'd1',
  personId: 'p1',
  role: 'teacher',
  schoolId: 's1',
  locale,
  timeZone: 'America/Chicago',
  sessionId: 'sess',
  csrfToken: 'csrf',
  ip: '127.0.0.1',
});

let app: FastifyInstance;
const policies: Array<{ url: string; policy: unknown }> = [];

beforeAll(async () => {
  app = Fastify({
    logger: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onRoute', (r) => {
    if (r.method === 'GET') policies.push({ url: r.url, policy: r.config?.policy });
  });
  installErrorHandler(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    req.actor = actor(req.headers['x-test-locale'] === 'es' ? 'es' : 'en');
  });
  await app.register(strategiesRoutes, { prefix: '/api/strategies' });
  await app.ready();
});

afterAll(() => app.close());

const get = (url: string, locale: 'en' | 'es' = 'en') =>
  app.inject({ method: 'GET', url, headers: { 'x-test-locale': locale } });

describe('GET /api/strategies', () => {
  it('declares the adults-only policy on every route', () => {
    expect(policies.map((p) => p.url).sort()).toEqual(['/api/strategies', '/api/strategies/:slug']);
    for (const p of policies)
      expect(p.policy).toEqual(['teacher', 'coach', 'leader', 'district_admin']);
  });

  it("lists in the caller's language by default, and in the one asked for", async () => {
    const es = await get('/api/strategies', 'es');
    expect(es.statusCode).toBe(200);
    const body = es.json<StrategyListResponse>();
    expect(body.lang).toBe('es');
    expect(body.strategies.find((s) => s.slug === 'two-by-ten')?.title).toBe('Dos por diez');
    const en = (await get('/api/strategies?lang=en', 'es')).json<StrategyListResponse>();
    expect(en.lang).toBe('en');
    expect(en.strategies.find((s) => s.slug === 'two-by-ten')?.title).toBe('Two-by-ten');
    expect(Object.keys(en.strategies[0]!).sort()).toEqual(
      ['minutes', 'slug', 'stages', 'summary', 'title'].sort(),
    );
  });

  it('shows what helps in a stage', async () => {
    const res = await get('/api/strategies?stage=restore');
    const slugs = res.json<StrategyListResponse>().strategies.map((s) => s.slug);
    expect(slugs).toEqual(expect.arrayContaining(['empathy-statements', 'relationship-repair']));
    expect(slugs).not.toContain('two-by-ten');
  });

  it('refuses an unknown stage, language or parameter, naming it', async () => {
    for (const [url, field] of [
      ['/api/strategies?stage=repair', 'stage'],
      ['/api/strategies?lang=fr', 'lang'],
      ['/api/strategies?sort=title', 'sort'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.field, url).toBe(field);
    }
  });
});

describe('GET /api/strategies/:slug', () => {
  it('returns one strategy with its HTML and citations, without internal fields', async () => {
    const res = await get('/api/strategies/empathy-statements', 'es');
    expect(res.statusCode).toBe(200);
    const s = res.json<Strategy>();
    expect(s.lang).toBe('es');
    expect(s.stages).toEqual(['pre_establish', 'restore']);
    expect(s.html).toContain('<h2>Por qué ayuda</h2>');
    expect(s.citations[0]).toMatch(/^Cook, C\. R\./);
    expect(Object.keys(s).sort()).toEqual(
      ['citations', 'html', 'lang', 'minutes', 'slug', 'stages', 'summary', 'title'].sort(),
    );
  });

  it('answers 404 for an unknown strategy and 400 for a malformed slug', async () => {
    const missing = await get('/api/strategies/no-such-strategy');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const bad = await get('/api/strategies/Not_A_Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('slug');
  });
});
