// A leader edits, closes early and cancels administrations: what may change before and after
// answers arrive and once the window has closed, each refusal naming its field and changing
// nothing; who may do it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildClass,
  buildClassroom,
  buildSchool,
  buildStaff,
  enroll,
} from '../../../../test/factories.js';
import {
  buildTestApp,
  openTestDb,
  signIn,
  testDialects,
  type Client,
} from '../../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';

const TODAY = '2026-11-23';
const now = new Date('2026-11-23T15:00:00Z');
const OPENS = '2026-11-20T00:00:00.000Z';
const CLOSES = '2026-12-04T00:00:00.000Z';

describe.each(testDialects())('editing, closing and cancelling surveys on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let room: Awaited<ReturnType<typeof buildClassroom>>;
  let secondClassId: string;
  let leader: Client;
  let otherLeader: Client;
  let admin: Client;
  let teacher: Client;
  let student: Client;

  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => now });
    const k = db.kysely;
    room = await buildClassroom(k, { today: TODAY, students: 2 });
    const second = await buildClass(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      termId: room.term.id,
      title: 'Art 7',
    });
    secondClassId = second.id;
    await enroll(k, {
      districtId: room.district.id,
      classId: second.id,
      personId: room.students[1]!.id,
      role: 'student',
    });
    const lead = await buildStaff(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'leader',
    });
    leader = await signIn(app, lead.account.username, lead.account.password);
    const elsewhere = await buildSchool(k, { districtId: room.district.id, name: 'Other Middle' });
    const other = await buildStaff(k, {
      districtId: room.district.id,
      schoolId: elsewhere.id,
      role: 'leader',
    });
    otherLeader = await signIn(app, other.account.username, other.account.password);
    const a = await buildAccount(k, { districtId: room.district.id, role: 'district_admin' });
    admin = await signIn(app, a.username, a.password);
    teacher = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    const s = await buildAccount(k, {
      districtId: room.district.id,
      role: 'student',
      personId: room.students[0]!.id,
      schoolId: room.school.id,
    });
    student = await signIn(app, s.username, s.password);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const create = async (over: Record<string, unknown> = {}, by: Client = leader) => {
    const res = await by.post('/api/surveys/administrations', {
      instrumentId: 'classroom-climate',
      schoolYear: '2026-2027',
      wave: 'fall',
      opensAt: OPENS,
      closesAt: CLOSES,
      languages: ['en', 'es'],
      mode: 'anonymous',
      classIds: [room.cls.id],
      grades: [],
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; title: string | null; canManage: boolean };
  };
  const answer = (admId: string) =>
    student.post(`/api/surveys/administrations/${admId}/responses`, {
      responseId: randomUUID(),
      subjectKey: room.cls.id,
      language: 'en',
      answers: [{ itemId: 'cc-climate-1', value: 4 }],
    });
  const row = (admId: string) =>
    db.kysely
      .selectFrom('survey_administrations')
      .select(['title', 'instrument_id', 'mode', 'opens_at', 'closes_at'])
      .where('id', '=', admId)
      .executeTakeFirst();
  const targets = async (admId: string) =>
    (
      await db.kysely
        .selectFrom('survey_administration_targets')
        .select('value')
        .where('administration_id', '=', admId)
        .orderBy('value')
        .execute()
    ).map((t) => t.value);

  it('before anyone answers, a leader changes everything: title, instrument, mode, window, classes', async () => {
    const adm = await create({ title: 'Fall check' });
    expect(adm).toMatchObject({ title: 'Fall check', canManage: true });
    const res = await leader.patch(`/api/surveys/administrations/${adm.id}`, {
      title: 'Climate check, grade 7',
      instrumentId: 'school-connection',
      mode: 'confidential',
      opensAt: '2026-11-21T06:00:00.000Z',
      closesAt: '2026-12-11T06:00:00.000Z',
      classIds: [room.cls.id, secondClassId],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Climate check, grade 7',
      instrumentId: 'school-connection',
      mode: 'confidential',
      lastDay: '2026-12-10',
      classIds: [room.cls.id, secondClassId].sort(),
    });
    expect(await row(adm.id)).toEqual({
      title: 'Climate check, grade 7',
      instrument_id: 'school-connection',
      mode: 'confidential',
      opens_at: '2026-11-21T06:00:00.000Z',
      closes_at: '2026-12-11T06:00:00.000Z',
    });
    // Back to the instrument's own title.
    const untitled = await leader.patch(`/api/surveys/administrations/${adm.id}`, { title: null });
    expect(untitled.json()).toMatchObject({ title: null, instrumentTitle: 'You and your school' });
  });

  it('once a student has answered, the items, the mode, the opening and answered classes are fixed; each refusal names its field and changes nothing', async () => {
    const adm = await create({ classIds: [room.cls.id, secondClassId] });
    expect((await answer(adm.id)).statusCode).toBe(201);
    const before = await row(adm.id);
    const refused = async (body: Record<string, unknown>, field: string, reason: RegExp) => {
      const res = await leader.patch(`/api/surveys/administrations/${adm.id}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.reason).toMatch(reason);
    };
    await refused({ instrumentId: 'school-connection' }, 'instrumentId', /1 person has answered/);
    await refused({ mode: 'confidential' }, 'mode', /anonymous survey/);
    await refused({ opensAt: '2026-11-22T06:00:00.000Z' }, 'opensAt', /answered/);
    await refused({ classIds: [secondClassId] }, 'classIds', /cannot remove "Science 7"/);
    await refused({ closesAt: '2026-11-23T14:00:00.000Z' }, 'closesAt', /in the past/);
    expect(await row(adm.id)).toEqual(before);
    expect(await targets(adm.id)).toEqual([room.cls.id, secondClassId].sort());

    // What still makes sense: a new title, a later closing, a class with no answers removed.
    const ok = await leader.patch(`/api/surveys/administrations/${adm.id}`, {
      title: 'Renamed',
      closesAt: '2026-12-18T06:00:00.000Z',
      classIds: [room.cls.id],
      // Unchanged values are not changes: sending them back is fine.
      instrumentId: 'classroom-climate',
      mode: 'anonymous',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: 'Renamed', lastDay: '2026-12-17', finished: 1 });
    expect(await targets(adm.id)).toEqual([room.cls.id]);
  });

  it('a leader closes a survey early: no more answers, its results appear, and it cannot reopen', async () => {
    const adm = await create();
    const closed = await leader.post(`/api/surveys/administrations/${adm.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    expect((await row(adm.id))!.closes_at).toBe(now.toISOString());
    const late = await answer(adm.id);
    expect(late.statusCode).toBe(400);
    expect(late.json().error.field).toBe('administrationId');
    // The teacher's results page lists it now (no responses: no report to open yet).
    expect((await teacher.get('/api/survey-reports')).statusCode).toBe(200);

    const again = await leader.post(`/api/surveys/administrations/${adm.id}/close`);
    expect(again.json().error).toMatchObject({ field: 'administrationId' });
    expect(again.json().error.reason).toMatch(/already closed/);
    const reopen = await leader.patch(`/api/surveys/administrations/${adm.id}`, {
      closesAt: '2026-12-18T06:00:00.000Z',
    });
    expect(reopen.statusCode).toBe(400);
    expect(reopen.json().error.field).toBe('closesAt');
    expect(reopen.json().error.reason).toMatch(/only the title can change/);
    const retitle = await leader.patch(`/api/surveys/administrations/${adm.id}`, {
      title: 'Closed early',
    });
    expect(retitle.json()).toMatchObject({ title: 'Closed early', state: 'closed' });
    const cancel = await leader.delete(`/api/surveys/administrations/${adm.id}`);
    expect(cancel.statusCode).toBe(400);
    expect(cancel.json().error.reason).toMatch(/results stand/);
    expect(await row(adm.id)).toBeDefined();
  });

  it('a survey that has not opened is cancelled, not closed', async () => {
    const adm = await create({
      opensAt: '2026-12-01T06:00:00.000Z',
      closesAt: '2026-12-12T06:00:00.000Z',
    });
    const close = await leader.post(`/api/surveys/administrations/${adm.id}/close`);
    expect(close.statusCode).toBe(400);
    expect(close.json().error.reason).toMatch(/cancel it instead/);
    const cancel = await leader.delete(`/api/surveys/administrations/${adm.id}`);
    expect(cancel.json()).toEqual({ cancelled: true, discardedResponses: 0 });
    expect(await row(adm.id)).toBeUndefined();
  });

  it('cancelling an open survey deletes it with its answers, drafts and links, and is audited', async () => {
    const adm = await create();
    expect((await answer(adm.id)).statusCode).toBe(201);
    const links = await teacher.post(`/api/surveys/administrations/${adm.id}/links`, {
      classId: room.cls.id,
    });
    expect(links.statusCode).toBe(201);
    expect(links.json().links.length).toBeGreaterThan(0);
    const cancel = await leader.delete(`/api/surveys/administrations/${adm.id}`);
    expect(cancel.json()).toEqual({ cancelled: true, discardedResponses: 1 });
    for (const table of [
      'survey_responses',
      'survey_answers',
      'survey_participations',
      'survey_administration_targets',
    ] as const) {
      const left = await db.kysely
        .selectFrom(table)
        .select('administration_id')
        .where('administration_id', '=', adm.id)
        .execute();
      expect(left, table).toEqual([]);
    }
    const leftLinks = await db.kysely
      .selectFrom('one_time_links')
      .select('id')
      .where('target_id', '=', adm.id)
      .execute();
    expect(leftLinks).toEqual([]);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('subject_type', '=', 'survey_administration')
      .where('subject_id', '=', adm.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['cancel']);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ discardedResponses: 1 });
  });

  it("another school's leader, a teacher and a leader facing a district-wide survey cannot change it", async () => {
    const adm = await create();
    for (const [who, status] of [
      [otherLeader, 404],
      [teacher, 403],
    ] as const) {
      expect(
        (await who.patch(`/api/surveys/administrations/${adm.id}`, { title: 'x' })).statusCode,
      ).toBe(status);
      expect((await who.post(`/api/surveys/administrations/${adm.id}/close`)).statusCode).toBe(
        status,
      );
      expect((await who.delete(`/api/surveys/administrations/${adm.id}`)).statusCode).toBe(status);
    }
    expect((await row(adm.id))!.title).toBeNull();

    const wide = await create({ classIds: [], grades: ['7'] }, admin);
    const seen = (await leader.get('/api/surveys/administrations')).json()
      .administrations as Array<{
      id: string;
      canManage: boolean;
    }>;
    expect(seen.find((a) => a.id === wide.id)).toMatchObject({ canManage: false });
    expect((await leader.post(`/api/surveys/administrations/${wide.id}/close`)).statusCode).toBe(
      404,
    );
    expect((await admin.post(`/api/surveys/administrations/${wide.id}/close`)).statusCode).toBe(
      200,
    );
  });

  it('refuses an unknown field, an empty title and no class or grade, naming the field', async () => {
    const adm = await create();
    const unknown = await leader.patch(`/api/surveys/administrations/${adm.id}`, {
      wave: 'spring',
    });
    expect(unknown.statusCode).toBe(400);
    const blank = await leader.patch(`/api/surveys/administrations/${adm.id}`, { title: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('title');
    const none = await leader.patch(`/api/surveys/administrations/${adm.id}`, { classIds: [] });
    expect(none.json().error).toMatchObject({
      field: 'classIds',
      reason: 'choose at least one class or grade',
    });
    const foreign = await leader.patch(`/api/surveys/administrations/${adm.id}`, {
      classIds: [room.cls.id, randomUUID()],
    });
    expect(foreign.json().error).toMatchObject({ field: 'classIds[1]', row: 1 });
    expect(await targets(adm.id)).toEqual([room.cls.id]);
  });
});
