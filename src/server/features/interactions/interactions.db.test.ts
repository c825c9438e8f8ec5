import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom, buildStaff, buildStudent, enroll } from '../../../../test/factories.js';
import { buildTestApp, openTestDb, signIn, testDialects } from '../../../../test/harness.js';
import type { App } from '../../platform/http/app.js';
import type { Db } from '../../platform/db/database.js';

const NOW = new Date('2026-11-23T15:00:00Z'); // a Monday, 9:00 in Chicago
const TODAY = '2026-11-23';

describe.each(testDialects())('interactions on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let clock = NOW;
  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => clock });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function classroom() {
    const room = await buildClassroom(db.kysely, { today: TODAY, students: 3 });
    const teacher = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    return { ...room, client: teacher };
  }

  async function rows(districtId: string) {
    return db.kysely
      .selectFrom('interactions')
      .selectAll()
      .where('district_id', '=', districtId)
      .orderBy('student_id')
      .execute();
  }

  it("logs a warm moment for two students at once and shows it in today's counts", async () => {
    const { district, cls, students, client } = await classroom();
    const res = await client.post('/api/interactions', {
      clientId: 'c-0000000001',
      kind: 'warm_moment',
      studentIds: [students[0]!.id, students[1]!.id],
      classId: cls.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().interactions).toHaveLength(2);
    const view = (await client.get(`/api/classes/${cls.id}`)).json();
    const byId = new Map(view.students.map((s: { id: string; today: unknown }) => [s.id, s.today]));
    expect(byId.get(students[0]!.id)).toEqual({
      affirmation: 0,
      warm_moment: 1,
      correction: 0,
      other: 0,
    });
    expect(byId.get(students[1]!.id)).toEqual({
      affirmation: 0,
      warm_moment: 1,
      correction: 0,
      other: 0,
    });
    expect(byId.get(students[2]!.id)).toEqual({
      affirmation: 0,
      warm_moment: 0,
      correction: 0,
      other: 0,
    });
    expect(await rows(district.id)).toHaveLength(2);
  });

  it('treats a replayed client id as a no-op that returns the original rows', async () => {
    const { district, cls, students, client } = await classroom();
    const body = {
      clientId: 'replay-0001',
      kind: 'affirmation',
      studentIds: [students[0]!.id],
      classId: cls.id,
    };
    const first = await client.post('/api/interactions', body);
    const again = await client.post('/api/interactions', body);
    const changed = await client.post('/api/interactions', {
      ...body,
      kind: 'correction',
      studentIds: [students[1]!.id],
    });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().replayed).toBe(true);
    expect(again.json().interactions[0].id).toBe(first.json().interactions[0].id);
    expect(changed.json().interactions.map((i: { kind: string }) => i.kind)).toEqual([
      'affirmation',
    ]);
    expect(await rows(district.id)).toHaveLength(1);
  });

  it('keeps concurrent replays of one client id to one row per student', async () => {
    const { district, cls, students, client } = await classroom();
    const body = {
      clientId: 'race-000001',
      kind: 'warm_moment',
      studentIds: students.map((s) => s.id),
      classId: cls.id,
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => client.post('/api/interactions', body)),
    );
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    expect(await rows(district.id)).toHaveLength(3);
  });

  it('keeps concurrent replays that carry different moments (and months) to one request', async () => {
    const { district, cls, students, client } = await classroom();
    const moments = ['2026-10-05T15:00:00.000Z', '2026-11-20T15:00:00.000Z'];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.post('/api/interactions', {
          clientId: 'race-months-1',
          kind: 'affirmation',
          studentIds: [students[0]!.id, students[1]!.id],
          classId: cls.id,
          occurredAt: moments[i % 2],
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    const saved = await rows(district.id);
    expect(saved).toHaveLength(2);
    expect(new Set(saved.map((r) => r.occurred_at)).size).toBe(1);
    const winner = results.find((r) => r.statusCode === 201)!.json();
    for (const r of results)
      expect(
        r
          .json()
          .interactions.map((i: { id: string }) => i.id)
          .sort(),
      ).toEqual(winner.interactions.map((i: { id: string }) => i.id).sort());
  });

  it('undoes a logged moment within ten minutes, and not after', async () => {
    const { district, cls, students, client } = await classroom();
    await client.post('/api/interactions', {
      clientId: 'undo-000001',
      kind: 'correction',
      studentIds: [students[0]!.id],
      classId: cls.id,
    });
    await client.post('/api/interactions', {
      clientId: 'undo-000002',
      kind: 'correction',
      studentIds: [students[1]!.id],
      classId: cls.id,
    });
    const undo = await client.post('/api/interactions/undo', { clientId: 'undo-000001' });
    expect(undo.json()).toEqual({ undone: 1 });
    clock = new Date(NOW.getTime() + 11 * 60_000);
    try {
      const late = await client.post('/api/interactions/undo', { clientId: 'undo-000002' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toMatch(/10-minute undo window/);
    } finally {
      clock = NOW;
    }
    const saved = await rows(district.id);
    expect(saved.filter((r) => r.undone_at !== null).map((r) => r.student_id)).toEqual([
      students[0]!.id,
    ]);
    const view = (await client.get(`/api/classes/${cls.id}`)).json();
    const s0 = view.students.find((s: { id: string }) => s.id === students[0]!.id);
    expect(s0.today.correction).toBe(0);
  });

  it('keeps a note visible to its author only', async () => {
    const room = await classroom();
    const other = await buildClassroom(db.kysely, {
      today: TODAY,
      students: 0,
      district: room.district,
    });
    await enroll(db.kysely, {
      districtId: room.district.id,
      classId: other.cls.id,
      personId: room.students[0]!.id,
      role: 'student',
    });
    await room.client.post('/api/interactions', {
      clientId: 'note-000001',
      kind: 'affirmation',
      studentIds: [room.students[0]!.id],
      classId: room.cls.id,
      note: 'Helped a classmate with fractions',
    });
    const own = (await room.client.get(`/api/students/${room.students[0]!.id}`)).json();
    expect(own.recent[0].note).toBe('Helped a classmate with fractions');
    const colleague = await signIn(
      app,
      other.teacher.account.username,
      other.teacher.account.password,
    );
    const theirs = (await colleague.get(`/api/students/${room.students[0]!.id}`)).json();
    expect(theirs.recent).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain('fractions');
  });

  it("logs what a student's page offers, without a class: each request once, however often it is replayed", async () => {
    const { district, cls, students, client } = await classroom();
    const ana = students[0]!;
    const bodies = [
      { clientId: 'page-oneonone', kind: 'one_on_one', studentIds: [ana.id] },
      { clientId: 'page-family01', kind: 'family_contact', studentIds: [ana.id] },
      { clientId: 'page-convers1', kind: 'conversation', studentIds: [ana.id] },
      { clientId: 'page-repair01', kind: 'repair', studentIds: [ana.id] },
      {
        clientId: 'page-note0001',
        kind: 'note',
        studentIds: [ana.id],
        note: 'Asked about robotics',
      },
    ];
    for (const body of bodies)
      expect((await client.post('/api/interactions', body)).statusCode).toBe(201);
    // The outbox sends again whatever it is unsure of: a replay, also two at once.
    const replays = await Promise.all(bodies.map((b) => client.post('/api/interactions', b)));
    expect(replays.map((r) => [r.statusCode, r.json().replayed])).toEqual(
      bodies.map(() => [200, true]),
    );
    const stored = await rows(district.id);
    expect(stored.map((r) => r.kind).sort()).toEqual([
      'conversation',
      'family_contact',
      'note',
      'one_on_one',
      'repair',
    ]);
    // Logged in the class the teacher shares with the student.
    expect(new Set(stored.map((r) => r.class_id))).toEqual(new Set([cls.id]));
    expect(stored.find((r) => r.kind === 'note')!.note).toBe('Asked about robotics');
    // None of them is a positive moment or a correction.
    const dyad = (await client.get(`/api/practice/students/${ana.id}`)).json();
    expect(dyad.ratio).toEqual({ positive: 0, corrections: 0 });
  });

  it('keeps a short note to its author: no colleague or leader reads it', async () => {
    const room = await classroom();
    const ana = room.students[0]!;
    const other = await buildClassroom(db.kysely, {
      today: TODAY,
      students: 0,
      district: room.district,
    });
    await enroll(db.kysely, {
      districtId: room.district.id,
      classId: other.cls.id,
      personId: ana.id,
      role: 'student',
    });
    const res = await room.client.post('/api/interactions', {
      clientId: 'private-note1',
      kind: 'note',
      studentIds: [ana.id],
      note: 'Her grandmother is in hospital',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().interactions[0].note).toBe('Her grandmother is in hospital');
    const own = (await room.client.get(`/api/students/${ana.id}`)).json();
    expect(own.recent.map((r: { kind: string; note: string }) => [r.kind, r.note])).toEqual([
      ['note', 'Her grandmother is in hospital'],
    ]);
    const colleague = await signIn(
      app,
      other.teacher.account.username,
      other.teacher.account.password,
    );
    const leaderAccount = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'leader',
    });
    const leader = await signIn(
      app,
      leaderAccount.account.username,
      leaderAccount.account.password,
    );
    for (const reader of [colleague, leader]) {
      for (const path of [
        `/api/students/${ana.id}`,
        `/api/practice/students/${ana.id}`,
        '/api/home/leader',
      ]) {
        const answer = await reader.get(path);
        // The card is theirs to read (so the check below has something to look at)…
        if (path.startsWith('/api/students/')) expect(answer.statusCode).toBe(200);
        // …but not the note.
        expect(answer.body).not.toContain('grandmother');
      }
    }
  });

  describe('bad input changes nothing', () => {
    it.each([
      ['an unknown kind', { kind: 'high_five' }, 400, 'kind'],
      ['no students', { studentIds: [] }, 400, 'studentIds'],
      ['an oversized note', { note: 'x'.repeat(2001) }, 400, 'note'],
      ['a short note without its text', { kind: 'note' }, 400, 'note'],
      ['a short note of spaces only', { kind: 'note', note: '   ' }, 400, 'note'],
      ['a date in the future', { occurredAt: '2026-11-24T15:00:00Z' }, 400, 'occurredAt'],
      ['a date before the term', { occurredAt: '2026-01-05T15:00:00Z' }, 400, 'occurredAt'],
      ['a date that is not a date', { occurredAt: 'yesterday-ish-ok' }, 400, 'occurredAt'],
      ['an extra field', { points: 5 }, 400, 'points'],
    ])('%s', async (_label, patch, status, field) => {
      const { district, cls, students, client } = await classroom();
      const res = await client.post('/api/interactions', {
        clientId: 'bad-0000001',
        kind: 'warm_moment',
        studentIds: [students[0]!.id],
        classId: cls.id,
        ...patch,
      });
      expect(res.statusCode).toBe(status);
      expect(res.json().error.field).toBe(field);
      expect(await rows(district.id)).toHaveLength(0);
    });

    it('malformed JSON', async () => {
      const { district, client } = await classroom();
      const res = await app.inject({
        method: 'POST',
        url: '/api/interactions',
        payload: '{"clientId": "abc',
        headers: {
          cookie: client.cookie,
          'x-csrf-token': client.csrf,
          'content-type': 'application/json',
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe('The request body is not valid JSON.');
      expect(await rows(district.id)).toHaveLength(0);
    });

    it("a student outside the teacher's classes, named by position", async () => {
      const { district, school, cls, students, client } = await classroom();
      const stranger = await buildStudent(db.kysely, {
        districtId: district.id,
        schoolId: school.id,
      });
      const res = await client.post('/api/interactions', {
        clientId: 'bad-0000002',
        kind: 'warm_moment',
        studentIds: [students[0]!.id, stranger.id],
        classId: cls.id,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.field).toBe('studentIds[1]');
      expect(await rows(district.id)).toHaveLength(0);
    });

    it("a student whose enrollment ended, or was deactivated, is no longer the teacher's to log", async () => {
      const { district, cls, students, client } = await classroom();
      await db.kysely
        .updateTable('enrollments')
        .set({ end_date: '2026-11-20' })
        .where('district_id', '=', district.id)
        .where('person_id', '=', students[0]!.id)
        .execute();
      await db.kysely
        .updateTable('enrollments')
        .set({ active: 0 })
        .where('district_id', '=', district.id)
        .where('person_id', '=', students[1]!.id)
        .execute();
      for (const [i, s] of [students[0]!, students[1]!].entries()) {
        const res = await client.post('/api/interactions', {
          clientId: `ended-00000${i}`,
          kind: 'warm_moment',
          studentIds: [s.id],
          classId: cls.id,
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.field).toBe('studentIds[0]');
      }
      const view = (await client.get(`/api/classes/${cls.id}`)).json();
      expect(view.students.map((s: { id: string }) => s.id)).toEqual([students[2]!.id]);
      expect(await rows(district.id)).toHaveLength(0);
    });

    it('back-dating within the term is accepted', async () => {
      const { cls, students, client } = await classroom();
      const res = await client.post('/api/interactions', {
        clientId: 'past-000001',
        kind: 'warm_moment',
        studentIds: [students[0]!.id],
        classId: cls.id,
        occurredAt: '2026-11-20T15:00:00Z',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().interactions[0].occurredAt).toBe('2026-11-20T15:00:00.000Z');
    });
  });
});
