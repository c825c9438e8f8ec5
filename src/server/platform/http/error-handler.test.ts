import { describe, expect, it } from 'vitest';
import { buildHttpApp } from './app.js';
import { openDatabase } from '../db/database.js';
import { ConflictError, ValidationError } from '../errors.js';
import { TEST_SECRET } from '../../../../test/harness.js';

async function appWith(register: (app: Awaited<ReturnType<typeof buildHttpApp>>) => void) {
  const db = openDatabase({ dialect: 'sqlite', path: ':memory:' });
  const logs: string[] = [];
  // The platform alone: no feature's routes, only the ones the test registers.
  const app = await buildHttpApp(
    {
      config: {
        sessionSecret: TEST_SECRET,
        sessionTtlHours: 12,
        logLevel: 'info',
        trustProxy: false,
        minGroupSize: 5,
      },
      db,
      webRoot: null,
      logger: { level: 'info', stream: { write: (line: string) => logs.push(line) } },
    },
    async () => {},
  );
  register(app);
  await app.ready();
  return {
    app,
    logs,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

describe('error handler', () => {
  it('answers a 500 without internals and logs the details as structured JSON', async () => {
    const { app, logs, close } = await appWith((app) =>
      app.get('/api/boom', { config: { policy: 'public' } }, async () => {
        throw new Error('connection string postgres://admin:hunter2@db');
      }),
    );
    const res = await app.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' },
    });
    expect(res.body).not.toContain('hunter2');
    const logged = logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(logged.err.message).toContain('hunter2');
    await close();
  });

  it('maps typed errors to their status with field, row and reason', async () => {
    const { app, close } = await appWith((app) => {
      app.get('/api/bad', { config: { policy: 'public' } }, async () => {
        throw new ValidationError('rows.email', 'is not an email address', 7);
      });
      app.get('/api/conflict', { config: { policy: 'public' } }, async () => {
        throw new ConflictError('Already done.');
      });
    });
    const bad = await app.inject({ method: 'GET', url: '/api/bad' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toEqual({
      code: 'validation_failed',
      message: 'rows.email (row 7): is not an email address',
      field: 'rows.email',
      row: 7,
      reason: 'is not an email address',
    });
    expect((await app.inject({ method: 'GET', url: '/api/conflict' })).statusCode).toBe(409);
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    await close();
  });

  it('refuses to register an API route that declares no policy', async () => {
    await expect(appWith((app) => app.get('/api/open', async () => 'hi'))).rejects.toThrow(
      /declares no policy/,
    );
  });
});
