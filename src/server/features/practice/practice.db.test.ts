import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../../../../test/factories.js';
import {
  buildTestApp,
  openTestDb,
  signIn,
  testDialects,
  type Client,
} from '../../../../test/harness.js';
import {
  INTERACTION_KINDS,
  isContact,
  isPositive,
  type InteractionKind,
} from '../../../domain/interaction-kinds.js';
import { openRepair, REPAIR_NOT_NEEDED } from '../../../domain/repairs.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';
import { practiceRepository } from './practice.repository.js';

// Monday 2026-11-23, 9:00 in Chicago. The factories' term runs from 60 days before to 40 after.
const NOW = new Date('2026-11-23T15:00:00Z');
const TODAY = '2026-11-23';
const at = (date: string, hour = 15) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe.each(testDialects())('daily practice on $name', ({ target }) => {
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

  let n = 0;
  const cid = () => `p-${Date.now().toString(36)}-${(n++).toString(36)}`.padEnd(10, '0');
  async function room(students = 3, daysOff: string[] = []) {
    const r = await buildClassroom(db.kysely, { today: TODAY, students, daysOff });
    const t = await signIn(app, r.teacher.account.username, r.teacher.account.password);
    const log = (kind: string, i: number, occurredAt?: string) =>
      t.post('/api/interactions', {
        clientId: cid(),
        kind,
        studentIds: [r.students[i]!.id],
        classId: r.cls.id,
        ...(occurredAt ? { occurredAt } : {}),
      });
    return { ...r, t, log };
  }
  const count = async (table: 'plans' | 'incidents' | 'dyad_stages', districtId: string) =>
    (await db.kysely.selectFrom(table).select('id').where('district_id', '=', districtId).execute())
      .length;

  describe('ratio', () => {
    it('shows class and student ratios over the last 10 school days, with a daily trend and "7 : 0" when there are no corrections', async () => {
      const r = await room(3);
      for (let k = 0; k < 7; k++) await r.log('warm_moment', 0, at('2026-11-20'));
      await r.log('affirmation', 1, at('2026-11-19'));
      await r.log('correction', 1, at('2026-11-19', 16));
      await r.log('affirmation', 1, at('2026-11-06')); // 11 school days back: outside the window
      const res = (await r.t.get(`/api/practice/classes/${r.cls.id}`)).json();
      expect(res.window).toEqual({ schoolDays: 10, from: '2026-11-10', to: '2026-11-23' });
      expect(res.ratio).toEqual({ positive: 8, corrections: 1 });
      expect(res.trend).toHaveLength(10);
      expect(res.trend.find((d: { date: string }) => d.date === '2026-11-20')).toEqual({
        date: '2026-11-20',
        positive: 7,
        corrections: 0,
      });
      const s0 = res.students.find((s: { studentId: string }) => s.studentId === r.students[0]!.id);
      expect(s0.ratio).toEqual({ positive: 7, corrections: 0 });
      // Student 3 has had nothing: on the no-positive list; student 1 had a positive on Friday.
      expect(res.noPositiveLately.map((s: { studentId: string }) => s.studentId)).toEqual([
        r.students[2]!.id,
      ]);
      expect(res.noPositiveLately[0].schoolDaysWithoutPositive).toBeGreaterThanOrEqual(5);
    });
  });

  describe('repairs', () => {
    it('a correction opens a repair with its age; an empathy statement closes it; undo removes it', async () => {
      const r = await room(2);
      await r.log('correction', 0, at('2026-11-23', 14)); // 1 hour before now
      let today = (await r.t.get('/api/practice/today')).json();
      expect(today.openRepairs).toMatchObject([{ studentId: r.students[0]!.id, ageHours: 1 }]);
      expect(today.focus[0]).toMatchObject({ studentId: r.students[0]!.id, reason: 'open_repair' });

      await r.log('empathy_statement', 0);
      today = (await r.t.get('/api/practice/today')).json();
      expect(today.openRepairs).toEqual([]);

      const c = await r.t.post('/api/interactions', {
        clientId: 'undo-repair-1',
        kind: 'correction',
        studentIds: [r.students[1]!.id],
        classId: r.cls.id,
      });
      expect((await r.t.get('/api/practice/today')).json().openRepairs).toHaveLength(1);
      expect(c.statusCode).toBe(201);
      await r.t.post('/api/interactions/undo', { clientId: 'undo-repair-1' });
      expect((await r.t.get('/api/practice/today')).json().openRepairs).toEqual([]);
    });

    it('the SQL rule for open repairs agrees with the domain rule', async () => {
      const r = await room(3);
      const script: Array<[number, string, string]> = [
        [0, 'correction', at('2026-11-17')],
        [0, 'repair', at('2026-11-18')],
        [0, 'correction', at('2026-11-19')],
        [1, 'empathy_statement', at('2026-11-17')],
        [1, 'correction', at('2026-11-18')],
        [1, 'correction', at('2026-11-19')],
        [2, 'correction', at('2026-11-16')],
        [2, 'restorative_conversation', at('2026-11-20')],
      ];
      for (const [i, kind, when] of script) await r.log(kind, i, when);
      const repo = practiceRepository(db.kysely);
      const signals = await repo.dyadSignals(
        r.district.id,
        r.teacher.person.id,
        r.students.map((s) => s.id),
        '2026-01-01',
        '2027-01-01',
        5,
      );
      const sqlOpen = signals
        .map((x) => ({ student_id: x.student_id, opened_at: x.first_open }))
        .filter((x) => x.opened_at !== null);
      const events = await repo.repairEvents(
        r.district.id,
        r.teacher.person.id,
        '2026-01-01',
        '2027-01-01',
      );
      const domainOpen = r.students
        .map(
          (s) =>
            [
              s.id,
              openRepair(
                events
                  .filter((e) => e.student_id === s.id)
                  .map((e) => ({ at: e.occurred_at, kind: e.kind })),
              ),
            ] as const,
        )
        .filter(([, o]) => o !== null)
        .map(([id, o]) => ({ student_id: id, opened_at: o!.openedAt }));
      expect(
        sqlOpen
          .map((x) => ({ student_id: x.student_id, opened_at: String(x.opened_at) }))
          .sort((a, b) => a.student_id.localeCompare(b.student_id)),
      ).toEqual(domainOpen.sort((a, b) => a.student_id.localeCompare(b.student_id)));
      expect(domainOpen.map((d) => d.opened_at).sort()).toEqual([
        at('2026-11-18'),
        at('2026-11-19'),
      ]);
      const report = (await r.t.get('/api/practice/repairs')).json();
      expect(report).toEqual({ closed: 2, open: 2, notNeeded: 0, medianHours: 60 });
    });

    it('closes a repair as not needed in one tap: off the list and the focus, on record, undoable for ten minutes', async () => {
      const r = await room(2);
      // Five warm moments and a correction: the repair is student 0's only reason to be listed.
      for (let k = 0; k < 5; k++) await r.log('warm_moment', 0, at('2026-11-23', 13));
      await r.log('correction', 0, at('2026-11-23', 14));
      await r.log('correction', 1, at('2026-11-20', 14));
      const sid = r.students[0]!.id;
      const before = (await r.t.get('/api/practice/today')).json();
      expect(before.focus).toContainEqual(
        expect.objectContaining({ studentId: sid, reason: 'open_repair' }),
      );
      const res = await r.t.post('/api/practice/repairs/not-needed', {
        studentId: sid,
        clientId: 'not-needed-0001',
      });
      expect(res.statusCode).toBe(200);
      const day = res.json();
      expect(day.openRepairs.map((x: { studentId: string }) => x.studentId)).toEqual([
        r.students[1]!.id,
      ]);
      expect(day.focus.some((f: { studentId: string }) => f.studentId === sid)).toBe(false);
      // A replay changes nothing; a second mark with nothing open is refused.
      const replay = await r.t.post('/api/practice/repairs/not-needed', {
        studentId: sid,
        clientId: 'not-needed-0001',
      });
      expect(replay.statusCode).toBe(200);
      const again = await r.t.post('/api/practice/repairs/not-needed', {
        studentId: sid,
        clientId: 'not-needed-0002',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toMatch(/Nothing is waiting for repair/);
      const rows = await db.kysely
        .selectFrom('repair_closures')
        .selectAll()
        .where('district_id', '=', r.district.id)
        .execute();
      expect(rows).toMatchObject([
        {
          student_id: sid,
          teacher_id: r.teacher.person.id,
          author_account_id: r.teacher.account.id,
          opened_at: at('2026-11-23', 14),
          closed_at: NOW.toISOString(),
          reason: 'not_needed',
          undone_at: null,
        },
      ]);
      // Not a repair: the report counts it apart, and the dyad is no longer in restore.
      expect((await r.t.get('/api/practice/repairs')).json()).toEqual({
        closed: 0,
        open: 1,
        notNeeded: 1,
        medianHours: null,
      });
      expect((await r.t.get(`/api/practice/students/${sid}`)).json().openRepair).toBeNull();

      const undo = await r.t.post('/api/practice/repairs/not-needed/undo', {
        clientId: 'not-needed-0001',
      });
      expect(undo.statusCode).toBe(200);
      expect(
        undo
          .json()
          .openRepairs.map((x: { studentId: string }) => x.studentId)
          .sort(),
      ).toEqual([sid, r.students[1]!.id].sort());
      const kept = await db.kysely
        .selectFrom('repair_closures')
        .select('undone_at')
        .where('district_id', '=', r.district.id)
        .executeTakeFirstOrThrow();
      expect(kept.undone_at).toBe(NOW.toISOString());

      // Marked again, and past the undo window, it stays.
      await r.t.post('/api/practice/repairs/not-needed', {
        studentId: sid,
        clientId: 'not-needed-0003',
      });
      clock = new Date(NOW.getTime() + 11 * 60_000);
      try {
        const late = await r.t.post('/api/practice/repairs/not-needed/undo', {
          clientId: 'not-needed-0003',
        });
        expect(late.statusCode).toBe(409);
        expect(late.json().error.message).toMatch(/10-minute undo window/);
      } finally {
        clock = NOW;
      }
      const missing = await r.t.post('/api/practice/repairs/not-needed/undo', {
        clientId: 'not-needed-9999',
      });
      expect(missing.statusCode).toBe(404);
    });

    it('tells two students named Lucia apart on the focus list and the repairs list', async () => {
      const r = await buildClassroom(db.kysely, {
        today: TODAY,
        studentNames: [
          { given: 'Lucia', family: 'Garcia' },
          { given: 'Lucia', family: 'Martinez' },
          { given: 'Ben', family: 'Okafor' },
        ],
      });
      const t = await signIn(app, r.teacher.account.username, r.teacher.account.password);
      for (const s of r.students)
        await t.post('/api/interactions', {
          clientId: cid(),
          kind: 'correction',
          studentIds: [s.id],
          classId: r.cls.id,
          occurredAt: at('2026-11-23', 14),
        });
      const day = (await t.get('/api/practice/today')).json();
      const names = (xs: Array<{ displayName: string }>) => xs.map((x) => x.displayName).sort();
      expect(names(day.openRepairs)).toEqual(['Ben', 'Lucia G.', 'Lucia M.']);
      expect(names(day.focus)).toEqual(['Ben', 'Lucia G.', 'Lucia M.']);
    });

    it('an open repair older than five school days gives way to every other reason on the focus list', async () => {
      const r = await room(3);
      // Monday 2026-11-23 is today; 2026-11-13 is six school days back, 2026-11-17 four.
      await r.log('correction', 0, at('2026-11-13'));
      await r.log('correction', 1, at('2026-11-17'));
      const day = (await r.t.get('/api/practice/today')).json();
      expect(
        day.openRepairs.map((x: { studentId: string; schoolDays: number }) => [
          x.studentId,
          x.schoolDays,
        ]),
      ).toEqual([
        [r.students[0]!.id, 6],
        [r.students[1]!.id, 4],
      ]);
      const reasons = Object.fromEntries(
        day.focus.map((f: { studentId: string; reason: string }) => [f.studentId, f.reason]),
      );
      expect(reasons[r.students[1]!.id]).toBe('open_repair');
      // Student 0 has had no positive moment either: that is their reason now, not September.
      expect(reasons[r.students[0]!.id]).toBe('no_positive_lately');
    });
    it('the per-dyad signals of any history agree with the domain rules (property)', async () => {
      const CAP = 3; // counted up to here (a stage needs to know "fewer than five", no more)
      const r = await room(3);
      const repo = practiceRepository(db.kysely);
      const since = at('2026-11-02', 6);
      const until = at('2026-11-24', 6);
      // Few instants, so ties between an opener and a closer come up; some fall outside the range.
      const instants = [
        at('2026-11-01'),
        since,
        at('2026-11-10'),
        at('2026-11-10', 16),
        at('2026-11-23'),
        until,
      ];
      const event = fc.record({
        student: fc.integer({ min: 0, max: 2 }),
        kind: fc.constantFrom(...INTERACTION_KINDS, 'incident' as const, REPAIR_NOT_NEEDED),
        at: fc.constantFrom(...instants),
        undone: fc.boolean(),
      });
      let k = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(event, { maxLength: 14 }), async (history) => {
          const districtId = r.district.id;
          const teacherId = r.teacher.person.id;
          await db.kysely
            .deleteFrom('interactions')
            .where('district_id', '=', districtId)
            .execute();
          await db.kysely.deleteFrom('incidents').where('district_id', '=', districtId).execute();
          await db.kysely
            .deleteFrom('repair_closures')
            .where('district_id', '=', districtId)
            .execute();
          for (const e of history) {
            const base = {
              district_id: districtId,
              id: randomUUID(),
              client_id: `prop-${(k += 1)}`.padEnd(10, '0'),
              author_account_id: r.teacher.account.id,
              teacher_id: teacherId,
              student_id: r.students[e.student]!.id,
              occurred_at: e.at,
              created_at: e.at,
            };
            if (e.kind === 'incident')
              await db.kysely
                .insertInto('incidents')
                .values({ ...base, what_happened: 'x', next_step: 'y' })
                .execute();
            else if (e.kind === REPAIR_NOT_NEEDED)
              await db.kysely
                .insertInto('repair_closures')
                .values({
                  district_id: districtId,
                  id: base.id,
                  client_id: base.client_id,
                  author_account_id: base.author_account_id,
                  teacher_id: teacherId,
                  student_id: base.student_id,
                  opened_at: e.at,
                  closed_at: e.at,
                  reason: 'not_needed',
                  undone_at: e.undone ? e.at : null,
                })
                .execute();
            else
              await db.kysely
                .insertInto('interactions')
                .values({
                  ...base,
                  class_id: r.cls.id,
                  kind: e.kind,
                  tag: null,
                  note: null,
                  undone_at: e.undone ? e.at : null,
                })
                .execute();
          }
          const signals = await repo.dyadSignals(
            districtId,
            teacherId,
            r.students.map((s) => s.id),
            since,
            until,
            CAP,
          );
          const bySql = new Map(signals.map((x) => [x.student_id, x]));
          r.students.forEach((student, i) => {
            const seen = history.filter(
              (e) =>
                e.student === i &&
                e.at >= since &&
                e.at < until &&
                (e.kind === 'incident' || !e.undone),
            );
            // A private note is the teacher's own, not a moment with the student.
            const moments = seen.filter(
              (e) =>
                e.kind !== 'incident' &&
                e.kind !== REPAIR_NOT_NEEDED &&
                isContact(e.kind as InteractionKind),
            );
            const positives = moments.filter((e) => isPositive(e.kind as InteractionKind));
            const open = openRepair(seen.map((e) => ({ at: e.at, kind: e.kind })));
            const row = bySql.get(student.id);
            expect({
              lastPositive: row?.last_positive ?? null,
              openedAt: row?.first_open ?? null,
              moments: Number(row?.moments ?? 0),
            }).toEqual({
              lastPositive:
                positives
                  .map((e) => e.at)
                  .sort()
                  .at(-1) ?? null,
              openedAt: open?.openedAt ?? null,
              moments: Math.min(moments.length, CAP),
            });
          });
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('two-by-ten plans', () => {
    it('counts ten school days from the start, skipping a holiday, and tracks the daily conversation', async () => {
      const r = await room(1, ['2026-11-26', '2026-11-27']);
      const res = await r.t.post('/api/plans', {
        studentId: r.students[0]!.id,
        startDate: '2026-11-22',
      }); // a Sunday
      expect(res.statusCode).toBe(201);
      const plan = res.json();
      expect(plan.days.map((d: { date: string }) => d.date)).toEqual([
        '2026-11-23',
        '2026-11-24',
        '2026-11-25',
        '2026-11-30',
        '2026-12-01',
        '2026-12-02',
        '2026-12-03',
        '2026-12-04',
        '2026-12-07',
        '2026-12-08',
      ]);
      expect(plan.todayNumber).toBe(1);
      let today = (await r.t.get('/api/practice/today')).json();
      expect(today.planDays).toMatchObject([
        { planId: plan.id, dayNumber: 1, done: false, missed: 0 },
      ]);
      expect(today.focus[0]).toMatchObject({ reason: 'plan_day_today' });
      await r.log('conversation', 0);
      today = (await r.t.get('/api/practice/today')).json();
      expect(today.planDays[0].done).toBe(true);

      const early = await r.t.post(`/api/plans/${plan.id}/reflection`, {
        reflection: 'Good start',
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toMatch(/after the tenth school day \(2026-12-08\)/);

      clock = new Date('2026-12-09T15:00:00Z');
      try {
        const view = (await r.t.get(`/api/plans/${plan.id}`)).json();
        expect([view.done, view.missed, view.finished]).toEqual([1, 9, true]);
        const done = await r.t.post(`/api/plans/${plan.id}/reflection`, {
          reflection: 'She talks about her dog',
          stage: 'maintain',
        });
        expect(done.statusCode).toBe(200);
        expect(done.json()).toMatchObject({
          status: 'completed',
          reflection: 'She talks about her dog',
        });
        const dyad = (await r.t.get(`/api/practice/students/${r.students[0]!.id}`)).json();
        expect(dyad.stage.current).toMatchObject({ stage: 'maintain' });
        expect(dyad.plans.map((p: { status: string }) => p.status)).toEqual(['completed']);
      } finally {
        clock = NOW;
      }
    });

    it('refuses a second active plan, a start outside the term or too late, and a student not taught — writing nothing', async () => {
      const r = await room(1);
      const other = await buildClassroom(db.kysely, {
        today: TODAY,
        students: 1,
        district: r.district,
      });
      expect(
        (await r.t.post('/api/plans', { studentId: r.students[0]!.id, startDate: TODAY }))
          .statusCode,
      ).toBe(201);
      const second = await r.t.post('/api/plans', {
        studentId: r.students[0]!.id,
        startDate: TODAY,
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.message).toMatch(/already has an active two-by-ten plan/);
      const outside = await r.t.post('/api/plans', {
        studentId: r.students[0]!.id,
        startDate: '2027-06-01',
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error).toMatchObject({
        field: 'startDate',
        reason: expect.stringMatching(/within the term/),
      });
      const late = await r.t.post('/api/plans', {
        studentId: r.students[0]!.id,
        startDate: '2026-12-30',
      });
      expect(late.json().error.reason).toMatch(/leaves only \d school days before the term ends/);
      const notMine = await r.t.post('/api/plans', {
        studentId: other.students[0]!.id,
        startDate: TODAY,
      });
      expect(notMine.statusCode).toBe(404);
      expect(await count('plans', r.district.id)).toBe(1);
    });
  });

  describe('incidents', () => {
    const draft = (studentId: string, clientId: string) => ({
      clientId,
      studentId,
      whatHappened: 'Walked out when I asked for the phone',
      explanations: [
        { text: 'Something happened at lunch and the phone mattered', charitable: true },
        { text: 'Testing whether I follow through', charitable: false },
      ],
      nextStep: 'Check in privately at the door tomorrow',
    });

    it('saves with a charitable explanation, opens a repair, and a replay returns the same incident', async () => {
      const r = await room(1);
      const first = await r.t.post('/api/incidents', draft(r.students[0]!.id, 'incident-0001'));
      expect(first.statusCode).toBe(201);
      expect(first.json().incident.explanations).toEqual(draft('', '').explanations);
      expect(first.json().openRepair).not.toBeNull();
      const again = await r.t.post('/api/incidents', draft(r.students[0]!.id, 'incident-0001'));
      expect(again.statusCode).toBe(200);
      expect(again.json().incident.id).toBe(first.json().incident.id);
      expect(await count('incidents', r.district.id)).toBe(1);
      const dyad = (await r.t.get(`/api/practice/students/${r.students[0]!.id}`)).json();
      expect(dyad.stage).toMatchObject({ suggested: 'restore' });
      expect(dyad.stage.because).toMatch(/not been repaired/);
    });

    it('does not save without a charitable explanation, with one explanation, or for a student not taught', async () => {
      const r = await room(1);
      const uncharitable = {
        ...draft(r.students[0]!.id, 'incident-0002'),
        explanations: draft('', '').explanations.map((e) => ({ ...e, charitable: false })),
      };
      const res = await r.t.post('/api/incidents', uncharitable);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        field: 'explanations',
        reason: expect.stringMatching(/at least one charitable/),
      });
      const one = await r.t.post('/api/incidents', {
        ...draft(r.students[0]!.id, 'incident-0003'),
        explanations: [draft('', '').explanations[0]],
      });
      expect(one.json().error.reason).toMatch(/at least 2/);
      const other = await buildClassroom(db.kysely, {
        today: TODAY,
        students: 1,
        district: r.district,
      });
      expect(
        (await r.t.post('/api/incidents', draft(other.students[0]!.id, 'incident-0004')))
          .statusCode,
      ).toBe(404);
      expect(await count('incidents', r.district.id)).toBe(0);
    });
  });

  describe('stages', () => {
    it('suggests establish for a new dyad, pre-establish with a conflict history, and keeps every decision', async () => {
      const r = await room(1);
      const sid = r.students[0]!.id;
      let dyad = (await r.t.get(`/api/practice/students/${sid}`)).json();
      expect(dyad.stage).toMatchObject({ current: null, suggested: 'establish' });
      expect(dyad.stage.because).toMatch(/only 0 interactions/);
      dyad = (
        await r.t.put(`/api/practice/students/${sid}/conflict-history`, { conflictHistory: true })
      ).json();
      expect(dyad.stage.suggested).toBe('pre_establish');
      const accepted = (
        await r.t.post(`/api/practice/students/${sid}/stage`, { stage: 'pre_establish' })
      ).json();
      expect(accepted.stage.current).toMatchObject({
        stage: 'pre_establish',
        decision: 'accepted',
      });
      const overridden = (
        await r.t.post(`/api/practice/students/${sid}/stage`, { stage: 'maintain' })
      ).json();
      expect(overridden.stage.current).toMatchObject({
        stage: 'maintain',
        suggestedStage: 'pre_establish',
        decision: 'overridden',
      });
      expect(overridden.stage.history.map((h: { stage: string }) => h.stage)).toEqual([
        'maintain',
        'pre_establish',
      ]);
      const bad = await r.t.post(`/api/practice/students/${sid}/stage`, { stage: 'honeymoon' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('stage');
      expect(await count('dyad_stages', r.district.id)).toBe(2);
    });
  });

  describe('weekly focus list', () => {
    it('lists at most five students with reasons, and a dismissed student leaves it for the week', async () => {
      const r = await room(7);
      for (let i = 0; i < 7; i++) await r.log('correction', i, at('2026-11-23', 14));
      const today = (await r.t.get('/api/practice/today')).json();
      expect(today.focus).toHaveLength(5);
      expect(today.focus.every((f: { reason: string }) => f.reason === 'open_repair')).toBe(true);
      const first = today.focus[0].studentId;
      const after = (await r.t.post('/api/practice/focus/dismissals', { studentId: first })).json();
      expect(after.focus.map((f: { studentId: string }) => f.studentId)).not.toContain(first);
      expect(after.focus).toHaveLength(5);
    });
  });

  describe('privacy', () => {
    it("no one else reads a teacher's practice: not a colleague, not a leader", async () => {
      const r = await room(1);
      await r.t.post('/api/incidents', {
        clientId: 'private-incident',
        studentId: r.students[0]!.id,
        whatHappened: 'private words here',
        explanations: [
          { text: 'tired', charitable: true },
          { text: 'bored', charitable: false },
        ],
        nextStep: 'talk',
      });
      const colleague = await buildClassroom(db.kysely, {
        today: TODAY,
        students: 0,
        district: r.district,
      });
      const c: Client = await signIn(
        app,
        colleague.teacher.account.username,
        colleague.teacher.account.password,
      );
      const res = await c.get(`/api/practice/students/${r.students[0]!.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('private words');
    });
  });
});
