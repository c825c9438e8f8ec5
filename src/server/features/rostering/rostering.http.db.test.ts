// The admin page's import API: upload a zip for a preview, read the report, apply it from the
// stored upload. Each run writes an audit entry with its counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterJob } from '../../../contracts/rostering.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';
import { buildClassroom, buildStaff } from '../../../../test/factories.js';
import {
  buildTestApp,
  openIsolatedTestDb,
  signIn,
  testDialects,
  type Client,
} from '../../../../test/harness.js';
import { smallDistrict, writeRosterSet, zipFolder } from '../../../../test/oneroster-set.js';
import { snapshotTables } from '../../../../test/snapshot.js';
import { waitForRosterJobs } from './rostering.service.js';

const NOW = new Date('2026-11-23T15:00:00Z');

describe.each(testDialects())('roster import API on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let admin: Client;
  let districtId: string;

  const upload = async (bytes: Buffer, query = '?dryRun=true') =>
    app.inject({
      method: 'POST',
      url: `/api/rostering/imports${query}`,
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
        'content-type': 'application/zip',
        'x-file-name': encodeURIComponent('lakeside roster.zip'),
      },
      payload: bytes,
    });
  const finished = async (id: string): Promise<RosterJob> => {
    await waitForRosterJobs();
    const res = await admin.get(`/api/rostering/imports/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    db = await openIsolatedTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
    const room = await buildClassroom(db.kysely, { today: '2026-11-23', students: 1 });
    districtId = room.district.id;
    const a = await buildStaff(db.kysely, { districtId, schoolId: null, role: 'district_admin' });
    admin = await signIn(app, a.account.username, a.account.password);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('previews an upload without changing anything, then applies the same file', async () => {
    const zip = await zipFolder(writeRosterSet(smallDistrict()));
    const before = await snapshotTables(db.kysely);
    const res = await upload(zip);
    expect(res.statusCode).toBe(202);
    const started = res.json() as RosterJob;
    expect([started.status, started.dryRun, started.sourceName]).toEqual([
      'running',
      true,
      'lakeside roster.zip',
    ]);

    const preview = await finished(started.id);
    expect(preview.status).toBe('previewed');
    expect(preview.report!.counts.users).toEqual({
      added: 4,
      updated: 0,
      deactivated: 0,
      unchanged: 0,
    });
    expect(preview.report!.counts.classes!.added).toBe(1);
    const afterPreview = await snapshotTables(db.kysely);
    // Only the audit log has a new row.
    expect({ ...afterPreview, audit_log: [] }).toEqual({ ...before, audit_log: [] });

    const applied = await admin.post(`/api/rostering/imports/${started.id}/apply`);
    expect(applied.statusCode).toBe(202);
    const done = await finished(started.id);
    expect([done.status, done.dryRun]).toEqual(['applied', false]);
    expect(done.report!.counts).toEqual(preview.report!.counts);
    const classes = await db.kysely
      .selectFrom('classes')
      .select('title')
      .where('district_id', '=', districtId)
      .where('sourced_id', '=', 'cls-1')
      .execute();
    expect(classes).toEqual([{ title: 'Science 7 - Period 2' }]);

    // Applying twice is refused; the upload is gone once applied.
    const again = await admin.post(`/api/rostering/imports/${started.id}/apply`);
    expect(again.statusCode).toBe(409);
    const uploads = await db.kysely
      .selectFrom('roster_uploads')
      .select('seq')
      .where('district_id', '=', districtId)
      .where('job_id', '=', started.id)
      .execute();
    expect(uploads).toEqual([]);

    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'detail'])
      .where('district_id', '=', districtId)
      .where('action', '=', 'roster.import')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.action, a.subject_id])).toEqual([
      ['roster.import', started.id],
      ['roster.import', started.id],
    ]);
    const details = audit.map((a) => JSON.parse(a.detail!));
    expect(details.map((d) => [d.dryRun, d.status, d.counts.users.added])).toEqual([
      [true, 'previewed', 4],
      [false, 'applied', 4],
    ]);

    const list = await admin.get('/api/rostering/imports');
    expect(list.json().jobs.map((j: RosterJob) => j.id)).toContain(started.id);
  });

  it('a rejected upload reports each error by file, line and column, and cannot be applied', async () => {
    const set = smallDistrict();
    set.academicSessions[0] = { ...set.academicSessions[0]!, startDate: '17/08/2026' };
    const res = await upload(await zipFolder(writeRosterSet(set)));
    const job = await finished(res.json().id);
    expect(job.status).toBe('rejected');
    expect(job.report!.errors).toContainEqual({
      file: 'academicSessions.csv',
      line: 2,
      column: 'startDate',
      reason:
        '"17/08/2026" is not a YYYY-MM-DD date, and Rapport does not guess whether its first number is the day or the month; write it as YYYY-MM-DD',
    });
    expect((await admin.post(`/api/rostering/imports/${job.id}/apply`)).statusCode).toBe(409);
  });

  it('a job whose instance stopped long ago shows as failed; a recent one as running', async () => {
    const job = (id: string, hoursAgo: number) => ({
      district_id: districtId,
      id,
      kind: 'import' as const,
      dry_run: 1 as const,
      status: 'running' as const,
      source_name: 'left behind.zip',
      actor_account_id: null,
      created_at: new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString(),
      finished_at: null,
      report: null,
    });
    await db.kysely
      .insertInto('roster_jobs')
      .values([job('job-cut-off', 7), job('job-recent', 1)])
      .execute();
    expect((await admin.get('/api/rostering/imports/job-cut-off')).json().status).toBe('failed');
    expect((await admin.get('/api/rostering/imports/job-recent')).json().status).toBe('running');
    const listed = (await admin.get('/api/rostering/imports')).json().jobs as RosterJob[];
    expect(listed.find((j) => j.id === 'job-cut-off')?.status).toBe('failed');
  });

  it("shows another instance's job by its lease: live with its progress, or cut off once the lease ran out", async () => {
    const leased = (id: string, leaseMinutes: number) => ({
      district_id: districtId,
      id,
      kind: 'import' as const,
      dry_run: 0 as const,
      status: 'running' as const,
      source_name: 'elsewhere.zip',
      actor_account_id: null,
      created_at: new Date(NOW.getTime() - 60_000).toISOString(),
      finished_at: null,
      report: null,
      claimed_by: 'other-host:4242:abcdef12',
      lease_until: new Date(NOW.getTime() + leaseMinutes * 60_000).toISOString(),
      progress: JSON.stringify({ file: 'users.csv', rows: 1234 }),
    });
    await db.kysely
      .insertInto('roster_jobs')
      .values([leased('job-leased', 3), leased('job-lease-over', -1)])
      .execute();
    expect((await admin.get('/api/rostering/imports/job-leased')).json()).toMatchObject({
      status: 'running',
      progress: { file: 'users.csv', rows: 1234 },
    });
    expect((await admin.get('/api/rostering/imports/job-lease-over')).json()).toMatchObject({
      status: 'failed',
      progress: null,
    });
  });

  it('refuses something that is not a zip, naming the field', async () => {
    const res = await upload(Buffer.from('sourcedId,status\n1,active\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'file' });
  });
});
