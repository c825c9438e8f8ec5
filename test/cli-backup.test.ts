// `npx rapport backup <file>`: an online copy of the SQLite database while another connection
// keeps writing; the copy opens, is whole, and holds what was written before the backup began.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/platform/db/database.js';
import { migrations } from '../src/server/platform/db/migrations/index.js';

const BIN = resolve(import.meta.dirname, '../bin/rapport.js');
const envFor = (dir: string, over: Record<string, string> = {}) => {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', RAPPORT_FROM_SOURCE: '1' };
  delete env.DATABASE_URL;
  return { ...env, RAPPORT_DATA_DIR: dir, ...over };
};

function runAsync(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn('node', [BIN, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('exit', (status) => done({ status, stdout, stderr }));
  });
}

describe('rapport backup', () => {
  it('copies the SQLite database while it is being written, and the copy restores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-backup-'));
    const env = envFor(dir);
    const seeded = spawnSync('node', [BIN, 'seed-demo', '--students', '60', '--staff', '12'], {
      env,
      encoding: 'utf8',
    });
    expect(seeded.status).toBe(0);
    const db = openDatabase({ dialect: 'sqlite', path: join(dir, 'rapport.db') });
    const count = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const district = await db.kysely.selectFrom('districts').select('id').executeTakeFirstOrThrow();
    let writes = 0;
    const write = () =>
      db.kysely
        .insertInto('audit_log')
        .values({
          district_id: district.id,
          id: `backup-test-${++writes}`,
          at: new Date().toISOString(),
          actor_account_id: null,
          actor_role: null,
          ip: null,
          action: 'test.write',
          subject_type: 'test',
          subject_id: String(writes),
          detail: '{}',
        })
        .execute();
    await write();
    const before = await count();

    // Keep writing while the backup runs in its own process.
    let backingUp = true;
    const writer = (async () => {
      while (backingUp) {
        await write();
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const file = join(dir, 'backups', 'rapport-copy.db');
    const res = await runAsync(['backup', file], env);
    backingUp = false;
    await writer;
    await db.close();
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^Backed up .*rapport\.db to .*rapport-copy\.db \(\d+ pages\)\.\n$/);

    const copy = new SQLite(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const copied = (copy.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(
      (copy.prepare('select count(*) as n from people').get() as { n: number }).n,
    ).toBeGreaterThan(60);
    copy.close();

    // Restoring is using the copy as the database: it is at the newest migration already.
    const restored = spawnSync('node', [BIN, 'migrate'], {
      env: envFor(dir, { DATABASE_URL: `sqlite:${file}` }),
      encoding: 'utf8',
    });
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('Nothing to apply.');
    expect(restored.stdout).toContain(`is at ${Object.keys(migrations).at(-1)}`);
  }, 120_000);

  it('refuses to overwrite a file, and points PostgreSQL users to pg_dump', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-backup-'));
    spawnSync('node', [BIN, 'migrate'], { env: envFor(dir), encoding: 'utf8' });
    const existing = join(dir, 'taken.db');
    writeFileSync(existing, 'keep me');
    const taken = spawnSync('node', [BIN, 'backup', existing], {
      env: envFor(dir),
      encoding: 'utf8',
    });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain(`${existing} already exists; choose a new file name`);
    const pgRes = spawnSync('node', [BIN, 'backup', join(dir, 'x.db')], {
      env: envFor(dir, { DATABASE_URL: 'postgres://rapport@127.0.0.1:1/rapport' }),
      encoding: 'utf8',
    });
    expect(pgRes.status).toBe(1);
    expect(pgRes.stderr).toContain('for PostgreSQL use pg_dump');
  }, 60_000);
});
