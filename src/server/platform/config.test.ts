import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const dir = () => mkdtempSync(join(tmpdir(), 'rapport-config-'));

describe('config', () => {
  it('defaults to an embedded SQLite file under ./data and generates a kept session secret', () => {
    const cwd = dir();
    const c = loadConfig({}, cwd);
    expect(c.database).toEqual({ dialect: 'sqlite', path: join(cwd, 'data', 'rapport.db') });
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.demo).toBe(true);
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(cwd, 'data', 'session-secret'), 'utf8').trim()).toBe(c.sessionSecret);
    expect(loadConfig({}, cwd).sessionSecret).toBe(c.sessionSecret);
  });

  it('reads postgres URLs and sqlite paths', () => {
    const cwd = dir();
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' }, cwd).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@127.0.0.1:5432/db',
    });
    expect(loadConfig({ DATABASE_URL: 'sqlite:./x.db' }, cwd).database).toEqual({
      dialect: 'sqlite',
      path: join(cwd, 'x.db'),
    });
    expect(loadConfig({ RAPPORT_DEMO: '0' }, cwd).demo).toBe(false);
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret }, cwd).demo).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, RAPPORT_DEMO: '1' }, cwd).demo,
    ).toBe(true);
  });

  it('reads a replica URL and its lag limit only beside a PostgreSQL primary', () => {
    const cwd = dir();
    const primary = 'postgres://u@127.0.0.1:5432/db';
    expect(loadConfig({ DATABASE_URL: primary }, cwd).replica).toBeNull();
    expect(
      loadConfig(
        {
          DATABASE_URL: primary,
          DATABASE_REPLICA_URL: 'postgres://u@127.0.0.1:5433/db',
          REPLICA_MAX_LAG_SECONDS: '5',
        },
        cwd,
      ).replica,
    ).toEqual({ url: 'postgres://u@127.0.0.1:5433/db', maxLagSeconds: 5 });
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: must be a whole number/],
    [{ PORT: '70000' }, /^PORT: must be between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must start with sqlite: or postgres:\/\//],
    [{ DATABASE_URL: 'sqlite:' }, /^DATABASE_URL: sqlite: needs a file path/],
    [{ RAPPORT_DEMO: 'maybe' }, /^RAPPORT_DEMO: must be 1 or 0/],
    [{ SESSION_SECRET: 'short' }, /^SESSION_SECRET: must be at least 32 characters/],
    [{ NODE_ENV: 'production' }, /^SESSION_SECRET: is required when NODE_ENV=production/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV: must be development, production or test/],
    [{ RAPPORT_MIN_GROUP_SIZE: '2' }, /^RAPPORT_MIN_GROUP_SIZE: must be between 3 and 1000/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: must be one of/],
    [
      { DATABASE_REPLICA_URL: 'postgres://u@127.0.0.1:5433/db' },
      /^DATABASE_REPLICA_URL: needs DATABASE_URL to be a postgres:\/\/ URL/,
    ],
    [
      { DATABASE_URL: 'postgres://u@h/db', DATABASE_REPLICA_URL: 'sqlite:./r.db' },
      /^DATABASE_REPLICA_URL: must be a postgres:\/\/ URL/,
    ],
    [
      {
        DATABASE_URL: 'postgres://u@h/db',
        DATABASE_REPLICA_URL: 'x',
        REPLICA_MAX_LAG_SECONDS: '0',
      },
      /^REPLICA_MAX_LAG_SECONDS: must be between 1 and 3600/,
    ],
  ])('stops on %o naming the variable', (env, message) => {
    expect(() => loadConfig(env, dir())).toThrow(message);
  });
});
