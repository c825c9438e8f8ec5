// The CLI as a newcomer meets it: `npx rapport ...` through bin/rapport.js.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/platform/db/database.js';
import { migrations } from '../src/server/platform/db/migrations/index.js';
import { parseCsv, readZip } from './oneroster-zip.js';

const LATEST = Object.keys(migrations).at(-1);

const BIN = resolve(import.meta.dirname, '../bin/rapport.js');
const baseEnv = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', RAPPORT_FROM_SOURCE: '1' };
  delete env.DATABASE_URL;
  delete env.PORT;
  return env;
};

describe('rapport CLI', () => {
  it('stops with status 1 and names the variable when a setting is bad', () => {
    const r = spawnSync('node', [BIN, 'migrate'], {
      env: { ...baseEnv(), PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'rapport: configuration error: PORT: must be a whole number, got "eighty"',
    );
  });

  it('rejects an unknown command and bad sizes with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    const unknown = spawnSync('node', [BIN, 'sede-demo'], {
      env: { ...baseEnv(), RAPPORT_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('unknown command "sede-demo"');
    const bad = spawnSync('node', [BIN, 'seed-demo', '--students', 'many'], {
      env: { ...baseEnv(), RAPPORT_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--students must be a whole number');
  });

  it('migrates, seeds a small demo, and refuses to seed it twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    const env = { ...baseEnv(), RAPPORT_DATA_DIR: dir };
    const m = spawnSync('node', [BIN, 'migrate'], { env, encoding: 'utf8' });
    expect(m.status).toBe(0);
    expect(m.stdout).toContain(`Applied: ${Object.keys(migrations).join(', ')}`);
    const s = spawnSync('node', [BIN, 'seed-demo', '--students', '60', '--staff', '12'], {
      env,
      encoding: 'utf8',
    });
    expect(s.stderr).toBe('');
    expect(s.stdout).toMatch(/Demo district created: 2 schools, 12 staff, 60 students/);
    expect(s.stdout).toMatch(/teacher\s+teacher\s+password: rapport-demo/);
    const again = spawnSync('node', [BIN, 'seed-demo'], { env, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('A demo district already exists here');
  }, 60_000);

  it('export-oneroster writes the only district as a OneRoster zip, and says why when it cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    const env = { ...baseEnv(), RAPPORT_DATA_DIR: dir };
    const file = join(dir, 'roster.zip');
    const run = (...args: string[]) => spawnSync('node', [BIN, ...args], { env, encoding: 'utf8' });
    expect(run('migrate').status).toBe(0);
    const empty = run('export-oneroster', file);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('rapport: --district: the database has no district to export');
    expect(existsSync(file)).toBe(false);

    expect(run('seed-demo', '--students', '40', '--staff', '8').status).toBe(0);
    const wrong = run('export-oneroster', file, '--district', 'Nowhere');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(
      'no district is named "Nowhere"; the districts here are "Riverbend Unified (demo)"',
    );
    const ok = run('export-oneroster', file);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(
      /^Exported Riverbend Unified \(demo\) to .*roster\.zip: 3 orgs, 1 academicSessions, \d+ courses, \d+ classes, \d+ roles, \d+ users, 40 demographics, \d+ enrollments\.\n$/,
    );
    const files = await readZip(readFileSync(file));
    const users = parseCsv(files.get('users.csv')!).rows;
    expect(users.filter((u) => u.grades !== '')).toHaveLength(40);
    expect(new RegExp(`, ${users.length} users, `).test(ok.stdout)).toBe(true);

    const db = openDatabase({ dialect: 'sqlite', path: join(dir, 'rapport.db') });
    try {
      const audit = await db.kysely
        .selectFrom('audit_log')
        .select(['action', 'actor_account_id', 'detail'])
        .where('action', '=', 'roster.export')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_account_id).toBeNull();
      expect(JSON.parse(audit[0]!.detail!)).toMatchObject({
        via: 'cli',
        counts: { users: users.length },
      });
    } finally {
      await db.close();
    }
  }, 120_000);

  it('serve creates the demo on an empty database and prints the URL and the sign-ins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    const child = spawn('node', [BIN, 'serve'], {
      env: { ...baseEnv(), RAPPORT_DATA_DIR: dir, PORT: '0' },
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    try {
      const deadline = Date.now() + 50_000;
      while (
        !/password: rapport-demo[\s\S]*password: rapport-demo[\s\S]*password: rapport-demo[\s\S]*password: rapport-demo/.test(
          out,
        ) &&
        Date.now() < deadline
      ) {
        await new Promise((r) => setTimeout(r, 200));
      }
      const url = /Rapport is running at (http:\/\/\S+)/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(out).toMatch(/leader\s+leader\s+password: rapport-demo/);
      expect(out).toMatch(/district_admin\s+admin\s+password: rapport-demo/);
      expect(out).toMatch(/student\s+student\s+password: rapport-demo/);
      const health = await (await fetch(`${url}/healthz`)).json();
      expect(health.database).toEqual({
        dialect: 'sqlite',
        reachable: true,
        migration: LATEST,
      });
      const signIn = await fetch(`${url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'teacher', password: 'rapport-demo' }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
