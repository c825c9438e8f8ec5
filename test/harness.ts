// Test harness: the databases a suite runs on, a migrated database per suite, the app, and
// signed-in clients. Only tests read process.env here (the app reads it in config.ts only).
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp, type App } from '../src/server/app.js';
import { migrateToLatest, openDatabase, type Db } from '../src/server/platform/db/database.js';
import type { DatabaseTarget, TrustProxy } from '../src/server/platform/config.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-000';

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set. In CI a missing PostgreSQL fails. */
export function testDialects(): Array<{
  name: 'sqlite' | 'postgres';
  target: () => DatabaseTarget;
}> {
  const list: Array<{ name: 'sqlite' | 'postgres'; target: () => DatabaseTarget }> = [
    {
      name: 'sqlite',
      target: () => ({
        dialect: 'sqlite',
        path: join(mkdtempSync(join(tmpdir(), 'rapport-test-')), 'test.db'),
      }),
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ name: 'postgres', target: () => ({ dialect: 'postgres', url }) });
  else if (process.env.CI)
    throw new Error('CI requires TEST_DATABASE_URL: the PostgreSQL suite may not be skipped');
  return list;
}

export async function openTestDb(target: DatabaseTarget): Promise<Db> {
  const db = openDatabase(target, { poolSize: 4 });
  await migrateToLatest(db);
  return db;
}

/**
 * A database no other suite shares: a new SQLite file, or a new PostgreSQL database on the same
 * server (dropped on close). For tests whose data has fixed names that are unique across
 * districts (the usernames of published sample files).
 */
export async function openIsolatedTestDb(target: DatabaseTarget): Promise<Db> {
  if (target.dialect === 'sqlite') return openTestDb(target);
  const name = `rapport_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const adminUrl = new URL(target.url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Pool({ connectionString: adminUrl.toString(), max: 1 });
  await admin.query(`create database ${name}`);
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  const db = await openTestDb({ dialect: 'postgres', url: url.toString() });
  return {
    ...db,
    close: async () => {
      await db.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

export async function buildTestApp(
  db: Db,
  opts: { now?: () => Date; trustProxy?: TrustProxy; webRoot?: string | null } = {},
): Promise<App> {
  const app = await buildApp({
    config: {
      sessionSecret: TEST_SECRET,
      sessionTtlHours: 12,
      logLevel: 'silent',
      trustProxy: opts.trustProxy ?? false,
      minGroupSize: 5,
    },
    db,
    webRoot: opts.webRoot ?? null,
    logger: false,
    ...(opts.now ? { now: opts.now } : {}),
  });
  await app.ready();
  return app;
}

export interface Client {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** A POST whose body is raw text of the given content type (a file upload). */
  postText(url: string, text: string, contentType: string): Promise<LightMyRequestResponse>;
}

function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'rapport_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `rapport_session=${c.value}`;
}

export async function signIn(app: App, username: string, password: string): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
  const cookie = sessionCookie(res);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return clientFor(app, cookie, csrf);
}

export function clientFor(app: App, cookie: string, csrf: string): Client {
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, body) =>
      app.inject({
        method: 'POST',
        url,
        headers,
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
    put: (url, body) =>
      app.inject({
        method: 'PUT',
        url,
        headers,
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
    patch: (url, body) =>
      app.inject({
        method: 'PATCH',
        url,
        headers,
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
    delete: (url) => app.inject({ method: 'DELETE', url, headers }),
    postText: (url, text, contentType) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': contentType },
        payload: text,
      }),
  };
}

/** A client with no session at all. */
export function anonymous(app: App): Client {
  return clientFor(app, '', '');
}
