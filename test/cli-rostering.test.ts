// `npx rapport import-oneroster` as a district's engineer meets it: a report on stdout, and a
// rejected set ends with status 1 and every error on stderr.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallDistrict, writeRosterSet } from './oneroster-set.js';

const BIN = resolve(import.meta.dirname, '../bin/rapport.js');

function rapport(args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    RAPPORT_FROM_SOURCE: '1',
    RAPPORT_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  return spawnSync('node', [BIN, ...args], { env, encoding: 'utf8' });
}

describe('rapport import-oneroster', () => {
  it('dry-runs, imports, and reports nothing new the second time', () => {
    const data = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    const set = writeRosterSet(smallDistrict());
    const dry = rapport(['import-oneroster', set, '--dry-run', '--district', 'Lakeside'], data);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/users\s+4\s+0\s+0\s+0/);
    expect(dry.stdout).toContain('Dry run: nothing was changed.');

    const real = rapport(['import-oneroster', set, '--district', 'Lakeside'], data);
    expect(real.status).toBe(0);
    expect(real.stdout).toMatch(/enrollments\s+3\s+0\s+0\s+0/);
    expect(real.stdout).toContain('Imported.');

    const again = rapport(['import-oneroster', set], data);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/users\s+0\s+0\s+0\s+4/);
  }, 120_000);

  it('a rejected set exits with 1 and names file, line, column and reason on stderr', () => {
    const data = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    const set = smallDistrict();
    set.enrollments[1] = { ...set.enrollments[1]!, role: 'learner' };
    const r = rapport(['import-oneroster', writeRosterSet(set)], data);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'error: enrollments.csv, line 3, column role: "learner" is not one of administrator, proctor, student, teacher',
    );
    expect(r.stderr).toContain('the import was rejected with 1 error(s); nothing was changed');
    expect(rapport(['import-oneroster'], data).stderr).toContain('needs one path');
    expect(rapport(['import-oneroster', join(data, 'nope.zip')], data).stderr).toContain(
      'does not exist',
    );
  }, 120_000);
});
