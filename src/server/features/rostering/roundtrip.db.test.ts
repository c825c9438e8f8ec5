// Export, then import that export into an empty database: the same roster comes back, and its
// own export is identical to the first, file by file.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.js';
import { seedDemo } from '../demo/demo.service.js';
import { openIsolatedTestDb, testDialects } from '../../../../test/harness.js';
import { conformanceDir, smallDistrict, writeRosterSet } from '../../../../test/oneroster-set.js';
import { collector, readZip } from '../../../../test/oneroster-zip.js';
import { exportOneRoster } from './export/export.service.js';
import { importOneRoster } from './import/import-oneroster.js';
import { openRosterSource } from './import/source.js';

const NOW = () => new Date('2026-11-23T15:00:00Z');

/** The roster as a user would compare it: every active record by sourcedId, without our ids. */
async function roster(db: Db, districtId: string) {
  const k = db.kysely;
  // A record made in Rapport is exported under its own id, which becomes its sourcedId.
  const by = <T extends { id: string; sourced_id: string | null }>(rows: T[]) =>
    Object.fromEntries(rows.map(({ id, sourced_id, ...rest }) => [sourced_id ?? id, rest]));
  const people = await k
    .selectFrom('people')
    .select([
      'id',
      'sourced_id',
      'kind',
      'given_name',
      'family_name',
      'preferred_name',
      'pronouns',
      'email',
      'grade',
    ])
    .where('district_id', '=', districtId)
    .where('active', '=', 1)
    .execute();
  const classes = await k
    .selectFrom('classes as c')
    .innerJoin('courses as co', (j) =>
      j.onRef('co.district_id', '=', 'c.district_id').onRef('co.id', '=', 'c.course_id'),
    )
    .innerJoin('terms as t', (j) =>
      j.onRef('t.district_id', '=', 'c.district_id').onRef('t.id', '=', 'c.term_id'),
    )
    .select([
      'c.id',
      'c.sourced_id',
      'c.title',
      'c.period',
      'c.room',
      'co.title as course',
      't.start_date',
      't.end_date',
    ])
    .where('c.district_id', '=', districtId)
    .where('c.active', '=', 1)
    .execute();
  const enrollments = await k
    .selectFrom('enrollments as e')
    .innerJoin('people as p', (j) =>
      j.onRef('p.district_id', '=', 'e.district_id').onRef('p.id', '=', 'e.person_id'),
    )
    .innerJoin('classes as c', (j) =>
      j.onRef('c.district_id', '=', 'e.district_id').onRef('c.id', '=', 'e.class_id'),
    )
    .select([
      'p.id as pid',
      'p.sourced_id as person',
      'c.id as cid',
      'c.sourced_id as cls',
      'e.role',
    ])
    .where('e.district_id', '=', districtId)
    .where('e.active', '=', 1)
    // What a teacher sees: enrollments of active people in active classes.
    .where('p.active', '=', 1)
    .where('c.active', '=', 1)
    .execute();
  const guardians = await k
    .selectFrom('guardianships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  // Sign-in names: people's roster usernames, or their account's when made in Rapport.
  const names = await k
    .selectFrom('people as p')
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.district_id', '=', 'p.district_id').onRef('a.person_id', '=', 'p.id'),
    )
    .select(['p.id', 'p.sourced_id', 'p.username', 'a.username as account'])
    .where('p.district_id', '=', districtId)
    .where('p.active', '=', 1)
    .execute();
  return {
    signInNames: Object.fromEntries(
      names.flatMap((n) => {
        const name = n.username ?? n.account;
        return name ? [[n.sourced_id ?? n.id, name]] : [];
      }),
    ),
    people: by(people),
    classes: by(classes),
    enrollments: enrollments.map((e) => `${e.person ?? e.pid}|${e.cls ?? e.cid}|${e.role}`).sort(),
    guardianships: Number(guardians.n),
  };
}

async function exportZip(db: Db, districtId: string): Promise<Buffer> {
  const out = collector();
  await exportOneRoster(db.kysely, districtId, out);
  return out.bytes();
}

describe.each(testDialects())('export → import round trip on $name', ({ target }) => {
  const open: Db[] = [];
  const fresh = async () => {
    const db = await openIsolatedTestDb(target());
    open.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of open.splice(0)) await db.close();
  });

  async function roundTrip(first: Db, districtId: string) {
    const zip = await exportZip(first, districtId);
    const file = join(mkdtempSync(join(tmpdir(), 'roundtrip-')), 'export.zip');
    writeFileSync(file, zip);
    const second = await fresh();
    const imported = await importOneRoster(second, await openRosterSource(file), {
      dryRun: false,
      now: NOW,
    });
    expect(imported.report.errors).toEqual([]);
    expect(imported.rejected).toBe(false);
    const a = await roster(first, districtId);
    const b = await roster(second, imported.districtId!);
    // A username is required in OneRoster: people without one get one; everyone else keeps theirs.
    expect(b.signInNames).toMatchObject(a.signInNames);
    expect({ ...b, signInNames: null }).toEqual({ ...a, signInNames: null });
    const again = await readZip(await exportZip(second, imported.districtId!));
    const before = await readZip(zip);
    expect([...again.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before)
      if (name !== 'manifest.csv') expect(again.get(name), name).toBe(text);
    return imported;
  }

  it('an imported roster (with guardians, preferred names and demographics) comes back the same', async () => {
    const first = await fresh();
    const r = await importOneRoster(
      first,
      await openRosterSource(writeRosterSet(smallDistrict())),
      {
        dryRun: false,
        now: NOW,
      },
    );
    const back = await roundTrip(first, r.districtId!);
    expect(back.report.counts.users!.added).toBe(4);
    expect(back.report.counts.demographics!.added).toBe(2);
    expect(back.report.counts.guardianships!.added).toBe(1);
  });

  it('the demo district, made in Rapport without sourcedIds, comes back the same', async () => {
    const first = await fresh();
    const demo = await seedDemo(first.kysely, { students: 80, staff: 12, seed: 3 }, NOW());
    const back = await roundTrip(first, demo.districtId);
    expect(back.report.counts.users!.added).toBe(
      demo.counts.students! + demo.counts.staff! + demo.counts.guardians!,
    );
  });

  it('a published sample comes back the same', async () => {
    const first = await fresh();
    const r = await importOneRoster(
      first,
      await openRosterSource(join(conformanceDir(), 'Test_full_data_set')),
      { dryRun: false, now: NOW },
    );
    await roundTrip(first, r.districtId!);
  });
});
