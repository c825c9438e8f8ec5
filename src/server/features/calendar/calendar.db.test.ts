import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom, buildStaff } from '../../../../test/factories.js';
import {
  buildTestApp,
  openTestDb,
  signIn,
  testDialects,
  type Client,
} from '../../../../test/harness.js';
import {
  DISTRICT_HOLIDAYS_ICS,
  WEEKLY_EARLY_RELEASE_ICS,
  singleDayIcs,
} from '../../../../test/ics-samples.js';
import type { CalendarResponse, IcsImportResponse } from '../../../contracts/rostering.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';

// Monday 2026-11-23. The factories' term runs from 60 days before (2026-09-24) to 40 after
// (2027-01-02).
const NOW = new Date('2026-11-23T15:00:00Z');
const TODAY = '2026-11-23';
const ICS = 'text/calendar';

describe.each(testDialects())('calendar on $name', ({ target }) => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function district(termDaysOff: string[] = []) {
    const room = await buildClassroom(db.kysely, {
      today: TODAY,
      students: 1,
      daysOff: termDaysOff,
    });
    const staff = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: null,
      role: 'district_admin',
    });
    const admin = await signIn(app, staff.account.username, staff.account.password);
    const teacher = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    return { room, admin, teacher };
  }
  const calendar = async (c: Client) => (await c.get('/api/calendar')).json() as CalendarResponse;
  const upload = (c: Client, text: string, type = ICS) =>
    c.postText('/api/calendar/ics', text, type);
  const rows = (districtId: string) =>
    db.kysely
      .selectFrom('days_off')
      .select(['date', 'reason', 'source'])
      .where('district_id', '=', districtId)
      .orderBy('date')
      .execute();
  const audit = (districtId: string) =>
    db.kysely
      .selectFrom('audit_log')
      .select(['action', 'subject_type', 'subject_id', 'detail'])
      .where('district_id', '=', districtId)
      .where('action', 'like', 'calendar%')
      .orderBy('at')
      .execute();

  it('lists the terms with their school days, the time zone and the term days off', async () => {
    const { room, admin } = await district(['2026-10-12']);
    const cal = await calendar(admin);
    expect(cal.timeZone).toBe('America/Chicago');
    // 2026-09-24 (Thu) to 2027-01-02 (Sat): 72 weekdays, less one day off.
    expect(cal.terms).toEqual([
      {
        id: room.term.id,
        name: 'Fall',
        type: 'term',
        startDate: '2026-09-24',
        endDate: '2027-01-02',
        schoolDays: 71,
      },
    ]);
    expect(cal.daysOff).toEqual([{ date: '2026-10-12', reason: 'Holiday', source: 'term' }]);
  });

  it('adds the days off an .ics file lists within the terms, drops the school-day count, and is idempotent', async () => {
    const { room, admin } = await district();
    expect((await calendar(admin)).terms[0]!.schoolDays).toBe(72);
    const first = await upload(admin, DISTRICT_HOLIDAYS_ICS);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json() as IcsImportResponse;
    // Veterans Day, Thanksgiving (3), winter break (12 calendar days); Labor Day and MLK Day
    // fall outside the term.
    expect(body).toMatchObject({ added: 16, unchanged: 0, from: '2026-09-24', to: '2027-01-02' });
    expect(body.days.map((d) => d.date)).toContain('2026-12-26');
    expect(body.days.every((d) => d.source === 'ics')).toBe(true);
    expect(body.skipped).toEqual([
      {
        line: expect.any(Number),
        summary: 'Early Release Wednesday (dismissal 1:00 pm)',
        reason: 'timed',
      },
    ]);
    const cal = await calendar(admin);
    // 14 of those days are weekdays.
    expect(cal.terms[0]!.schoolDays).toBe(72 - 14);
    expect(cal.daysOff.filter((d) => d.source === 'ics')).toHaveLength(16);

    const again = await upload(admin, DISTRICT_HOLIDAYS_ICS);
    expect(again.json()).toMatchObject({ added: 0, unchanged: 16 });
    expect(await rows(room.district.id)).toHaveLength(16);
    expect((await calendar(admin)).terms[0]!.schoolDays).toBe(58);

    const entries = await audit(room.district.id);
    expect(entries.map((e) => [e.action, JSON.parse(e.detail ?? '{}')])).toEqual([
      ['calendar_import', { added: 16, unchanged: 0, inFile: 16, skipped: 1 }],
      ['calendar_import', { added: 0, unchanged: 16, inFile: 16, skipped: 1 }],
    ]);
  });

  it('accepts a charset parameter and applies recurring events with their exceptions', async () => {
    const { room, admin } = await district();
    const res = await upload(admin, WEEKLY_EARLY_RELEASE_ICS, 'text/calendar; charset=utf-8');
    expect(res.statusCode, res.body).toBe(200);
    expect((await rows(room.district.id)).map((r) => r.date)).toEqual([
      '2026-10-07',
      '2026-10-22',
      '2026-10-28',
      '2026-11-11',
    ]);
  });

  it('refuses a bad file naming the line and the reason, and changes nothing', async () => {
    const { room, admin } = await district();
    await upload(admin, singleDayIcs('20261120', 'Snow day'));
    const broken = DISTRICT_HOLIDAYS_ICS.replace(
      'SUMMARY:Thanksgiving Break',
      'SUMMARY Thanksgiving',
    );
    const lineNo = broken.split('\r\n').indexOf('SUMMARY Thanksgiving') + 1;
    const res = await upload(admin, broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'file',
      reason: `line ${lineNo}: "SUMMARY Thanksgiving" has no ":" between the name and the value`,
    });
    for (const text of ['', 'not a calendar', '%PDF-1.7\n\u0000\u0001binary'])
      expect((await upload(admin, text)).statusCode).toBe(400);
    expect(await rows(room.district.id)).toEqual([
      { date: '2026-11-20', reason: 'Snow day', source: 'ics' },
    ]);
    expect(await audit(room.district.id)).toHaveLength(1);
  });

  it('refuses a file over 2 MB and a JSON body', async () => {
    const { room, admin } = await district();
    const big = singleDayIcs('20261120', 'x'.repeat(2 * 1024 * 1024));
    expect((await upload(admin, big)).statusCode).toBe(413);
    expect((await admin.post('/api/calendar/ics', { file: 'x' })).statusCode).toBe(400);
    expect(await rows(room.district.id)).toEqual([]);
  });

  it('edits days by hand: add, change a reason (kept over a re-upload), remove, 404 when absent', async () => {
    const { room, admin } = await district();
    await upload(admin, singleDayIcs('20261120', 'Snow day'));
    const added = await admin.put('/api/calendar/days-off/2026-12-04', { reason: ' Staff  day ' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ date: '2026-12-04', reason: 'Staff day', source: 'manual' });
    const changed = await admin.put('/api/calendar/days-off/2026-11-20', { reason: 'Ice day' });
    expect(changed.json()).toEqual({ date: '2026-11-20', reason: 'Ice day', source: 'manual' });
    expect((await upload(admin, singleDayIcs('20261120', 'Snow day'))).json()).toMatchObject({
      added: 0,
      unchanged: 1,
    });
    expect(await rows(room.district.id)).toEqual([
      { date: '2026-11-20', reason: 'Ice day', source: 'manual' },
      { date: '2026-12-04', reason: 'Staff day', source: 'manual' },
    ]);

    expect((await admin.delete('/api/calendar/days-off/2026-12-04')).statusCode).toBe(204);
    const gone = await admin.delete('/api/calendar/days-off/2026-12-04');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toBe('A day off on 2026-12-04 was not found.');
    expect(
      (await admin.put('/api/calendar/days-off/2026-02-31', { reason: 'x' })).json().error,
    ).toMatchObject({ field: 'date' });
    expect(
      (await admin.put('/api/calendar/days-off/2026-12-01', { reason: '  ' })).statusCode,
    ).toBe(400);
    expect(await rows(room.district.id)).toEqual([
      { date: '2026-11-20', reason: 'Ice day', source: 'manual' },
    ]);
    const entries = await audit(room.district.id);
    expect(entries.map((e) => [e.action, e.subject_id, JSON.parse(e.detail ?? '{}')])).toEqual([
      ['calendar_import', null, { added: 1, unchanged: 0, inFile: 1, skipped: 0 }],
      ['calendar_edit', '2026-12-04', { set: 1, removed: 0 }],
      ['calendar_edit', '2026-11-20', { set: 1, removed: 0 }],
      ['calendar_import', null, { added: 0, unchanged: 1, inFile: 1, skipped: 0 }],
      ['calendar_edit', '2026-12-04', { set: 0, removed: 1 }],
    ]);
  });

  it('a two-by-ten plan skips a day off from an uploaded file, and only in that district', async () => {
    const { room, admin, teacher } = await district();
    const other = await district();
    await upload(admin, singleDayIcs('20261118', 'Snow day'));
    const plan = await teacher.post('/api/plans', {
      studentId: room.students[0]!.id,
      startDate: '2026-11-16',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const days = (plan.json().days as Array<{ date: string }>).map((d) => d.date);
    expect(days.slice(0, 4)).toEqual(['2026-11-16', '2026-11-17', '2026-11-19', '2026-11-20']);

    const elsewhere = await other.teacher.post('/api/plans', {
      studentId: other.room.students[0]!.id,
      startDate: '2026-11-16',
    });
    expect((elsewhere.json().days as Array<{ date: string }>)[2]!.date).toBe('2026-11-18');
  });

  it('the ratio window skips an uploaded day off', async () => {
    const { admin, teacher, room } = await district();
    const before = (await teacher.get(`/api/practice/classes/${room.cls.id}`)).json();
    expect(before.window).toEqual({ schoolDays: 10, from: '2026-11-10', to: '2026-11-23' });
    await upload(admin, singleDayIcs('20261120', 'Snow day'));
    const after = (await teacher.get(`/api/practice/classes/${room.cls.id}`)).json();
    expect(after.window).toEqual({ schoolDays: 10, from: '2026-11-09', to: '2026-11-23' });
  });
});
