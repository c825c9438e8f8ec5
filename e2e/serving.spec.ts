// The production server (buildApp with a web root) serves the built web app: the shell for
// client-side routes, the assets, and JSON 404s for unknown API paths. No browser needed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/server/platform/http/app.js';
import type { Db } from '../src/server/platform/db/database.js';
import { buildTestApp, openTestDb } from '../test/harness.js';
import { buildWebApp } from './harness.js';

describe('the server serves the web app', () => {
  let db: Db;
  let app: App;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = await buildWebApp();
    db = await openTestDb({
      dialect: 'sqlite',
      path: join(mkdtempSync(join(tmpdir(), 'rapport-serve-')), 'serve.db'),
    });
    app = await buildTestApp(db, { webRoot });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers client-side routes with the app shell and serves its assets', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    for (const url of ['/', '/sign-in', '/classes/some-class', '/students/some-student']) {
      const res = await app.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('<div id="root"></div>');
    }
    const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const asset = await app.inject({ method: 'GET', url: script! });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('keeps unknown API paths and non-HTML requests as JSON 404s', async () => {
    const api = await app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: { accept: 'text/html' },
    });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
    const json = await app.inject({
      method: 'GET',
      url: '/classes/x',
      headers: { accept: 'application/json' },
    });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
