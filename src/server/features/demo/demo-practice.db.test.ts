// The demo teacher looks like a teacher who uses Rapport (issue 13): repairs closed within days
// with a few recent ones waiting, a running two-by-ten, stages chosen, two incidents with
// charitable explanations, a ratio near 4 : 1 that rose over the term, two students named Lucia.
// Read through the API the teacher's own pages use, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  openIsolatedTestDb,
  signIn,
  testDialects,
  type Client,
} from '../../../../test/harness.js';
import { localDate, schoolDaysBetween } from '../../../domain/calendar.js';
import { isInteractionKind, isPositive } from '../../../domain/interaction-kinds.js';
import { repairEpisodes } from '../../../domain/repairs.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';
import { DEMO_PASSWORD, DEMO_TIMEZONE, DEMO_USERNAMES } from './demo.generator.js';
import { seedDemo } from './demo.service.js';

// Monday 2026-11-23, 9:00 in Chicago.
const NOW = new Date('2026-11-23T15:00:00Z');

interface Today {
  ratio: { positive: number; corrections: number };
  focus: Array<{ studentId: string; displayName: string; reason: string }>;
  openRepairs: Array<{
    studentId: string;
    displayName: string;
    schoolDays: number;
    ageHours: number;
  }>;
  planDays: Array<{ studentId: string; dayNumber: number; done: boolean; missed: number }>;
}

describe.each(testDialects())('the demo teacher on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let teacher: Client;
  let teacherId: string;
  let today: Today;
  beforeAll(async () => {
    db = await openIsolatedTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
    await seedDemo(db.kysely, { students: 400, staff: 20 }, NOW);
    teacher = await signIn(app, DEMO_USERNAMES.teacher, DEMO_PASSWORD);
    const account = await db.kysely
      .selectFrom('accounts')
      .select('person_id')
      .where('username', '=', DEMO_USERNAMES.teacher)
      .executeTakeFirstOrThrow();
    teacherId = account.person_id!;
    const res = await teacher.get('/api/practice/today');
    expect(res.statusCode).toBe(200);
    today = res.json() as Today;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('has a ratio near 4 : 1 over the last ten school days', () => {
    const { positive, corrections } = today.ratio;
    expect(corrections).toBeGreaterThan(10);
    expect(positive / corrections).toBeGreaterThanOrEqual(3.5);
    expect(positive / corrections).toBeLessThanOrEqual(4.5);
  });

  it('rose over the term: the first four weeks were well below today’s ratio', async () => {
    const term = await db.kysely
      .selectFrom('terms')
      .select(['id', 'start_date', 'end_date'])
      .executeTakeFirstOrThrow();
    const daysOff = await db.kysely
      .selectFrom('term_days_off')
      .select('date')
      .where('term_id', '=', term.id)
      .execute();
    const cal = {
      startDate: term.start_date,
      endDate: term.end_date,
      daysOff: new Set(daysOff.map((x) => x.date)),
    };
    const days = schoolDaysBetween(cal, term.start_date, '2026-11-20');
    const early = new Set(days.slice(0, 20));
    const moments = await db.kysely
      .selectFrom('interactions')
      .select(['kind', 'occurred_at'])
      .where('teacher_id', '=', teacherId)
      .execute();
    const ratioOf = (inRange: (day: string) => boolean) => {
      const xs = moments.filter((m) => inRange(localDate(m.occurred_at, DEMO_TIMEZONE)));
      const pos = xs.filter((m) => isInteractionKind(m.kind) && isPositive(m.kind)).length;
      return pos / xs.filter((m) => m.kind === 'correction').length;
    };
    const first = ratioOf((d) => early.has(d));
    expect(first).toBeGreaterThan(2);
    expect(first).toBeLessThan(3);
    expect(today.ratio.positive / today.ratio.corrections - first).toBeGreaterThan(1);
  });

  it('has a few repairs waiting, all from the last school days', () => {
    expect(today.openRepairs.length).toBeGreaterThanOrEqual(1);
    expect(today.openRepairs.length).toBeLessThanOrEqual(8);
    for (const r of today.openRepairs) expect(r.schoolDays).toBeLessThanOrEqual(2);
  });

  it('closed most repairs within days, and marked some not needed', async () => {
    const report = (await teacher.get('/api/practice/repairs')).json() as {
      closed: number;
      open: number;
      notNeeded: number;
      medianHours: number;
    };
    expect(report.open).toBe(today.openRepairs.length);
    expect(report.closed).toBeGreaterThan(10 * report.open);
    expect(report.notNeeded).toBeGreaterThan(0);
    expect(report.notNeeded).toBeLessThan(report.closed);
    expect(report.medianHours).toBeLessThan(48);
    // Every episode, from the rows: nine in ten closed within three days.
    const events = [
      ...(await db.kysely
        .selectFrom('interactions')
        .select(['student_id', 'kind', 'occurred_at as at'])
        .where('teacher_id', '=', teacherId)
        .execute()),
      ...(await db.kysely
        .selectFrom('incidents')
        .select(['student_id', 'occurred_at as at'])
        .where('teacher_id', '=', teacherId)
        .execute()
        .then((xs) => xs.map((x) => ({ ...x, kind: 'incident' })))),
      ...(await db.kysely
        .selectFrom('repair_closures')
        .select(['student_id', 'closed_at as at'])
        .where('teacher_id', '=', teacherId)
        .where('undone_at', 'is', null)
        .execute()
        .then((xs) => xs.map((x) => ({ ...x, kind: 'repair_not_needed' })))),
    ];
    const byStudent = new Map<string, typeof events>();
    for (const e of events)
      byStudent.set(e.student_id, [...(byStudent.get(e.student_id) ?? []), e]);
    const episodes = [...byStudent.values()].flatMap((xs) => repairEpisodes(xs));
    const closed = episodes.filter((e) => e.closedAt !== null);
    const quick = closed.filter(
      (e) => Date.parse(e.closedAt!) - Date.parse(e.openedAt) <= 3 * 86_400_000,
    );
    expect(closed.length).toBeGreaterThan(50);
    expect(quick.length / closed.length).toBeGreaterThanOrEqual(0.9);
  });

  it('runs a two-by-ten (day 7 today, one day missed) and finished one with a reflection', async () => {
    expect(today.planDays).toEqual([
      expect.objectContaining({ dayNumber: 7, done: false, missed: 1 }),
    ]);
    const plans = await db.kysely
      .selectFrom('plans')
      .select(['status', 'reflection'])
      .where('teacher_id', '=', teacherId)
      .orderBy('status')
      .execute();
    expect(plans.map((p) => p.status)).toEqual(['active', 'completed']);
    expect(plans[1]!.reflection).toMatch(/\w/);
    // The plan is today's work: it is on the focus list, beside other reasons.
    expect(today.focus.map((f) => f.reason)).toContain('plan_day_today');
    expect(new Set(today.focus.map((f) => f.reason)).size).toBeGreaterThanOrEqual(3);
    expect(today.focus).toHaveLength(5);
  });

  it('chose stages for some students, accepting some suggestions and overriding others', async () => {
    const stages = await db.kysely
      .selectFrom('dyad_stages')
      .select(['student_id', 'stage', 'decision', 'suggested_reason'])
      .where('teacher_id', '=', teacherId)
      .execute();
    expect(new Set(stages.map((s) => s.student_id)).size).toBeGreaterThanOrEqual(5);
    expect(stages.some((s) => s.decision === 'accepted')).toBe(true);
    expect(stages.some((s) => s.decision === 'overridden')).toBe(true);
    const planStudent = today.planDays[0]!.studentId;
    const dyad = (await teacher.get(`/api/practice/students/${planStudent}`)).json();
    expect(dyad.stage.current.stage).toBe('pre_establish');
    expect(dyad.conflictHistory).toBe(true);
    expect(dyad.plans[0]).toMatchObject({ status: 'active', done: 5, missed: 1, todayNumber: 7 });
  });

  it('logged two incidents, each with a charitable explanation, and repaired both', async () => {
    const incidents = await db.kysely
      .selectFrom('incidents')
      .select(['student_id'])
      .where('teacher_id', '=', teacherId)
      .execute();
    expect(incidents).toHaveLength(2);
    for (const { student_id } of incidents) {
      const dyad = (await teacher.get(`/api/practice/students/${student_id}`)).json();
      expect(dyad.incidents).toHaveLength(1);
      const [incident] = dyad.incidents;
      expect(incident.explanations.length).toBeGreaterThanOrEqual(2);
      expect(incident.explanations.some((e: { charitable: boolean }) => e.charitable)).toBe(true);
      // A restorative conversation followed on the next school day.
      const after = await db.kysely
        .selectFrom('interactions')
        .select('occurred_at')
        .where('teacher_id', '=', teacherId)
        .where('student_id', '=', student_id)
        .where('kind', '=', 'restorative_conversation')
        .where('occurred_at', '>', incident.occurredAt)
        .orderBy('occurred_at')
        .executeTakeFirst();
      expect(after).toBeDefined();
      expect(Date.parse(after!.occurred_at) - Date.parse(incident.occurredAt)).toBeLessThan(
        5 * 86_400_000,
      );
    }
  });

  it('has two students named Lucia in one class, told apart wherever first names are listed', async () => {
    const home = (await teacher.get('/api/home/teacher')).json() as {
      classes: Array<{ id: string }>;
    };
    let lucias: Array<{ id: string; displayName: string; familyName: string }> = [];
    for (const c of home.classes) {
      const view = (await teacher.get(`/api/classes/${c.id}`)).json() as {
        students: Array<{ id: string; displayName: string; familyName: string }>;
      };
      const here = view.students.filter((s) => s.displayName === 'Lucia');
      if (here.length >= 2) lucias = here;
    }
    expect(lucias).toHaveLength(2);
    expect(lucias[0]!.familyName).not.toBe(lucias[1]!.familyName);
    // One of them waits for a repair: the teacher's week names her with her family name's start.
    const waiting = today.openRepairs.find((r) => lucias.some((l) => l.id === r.studentId));
    expect(waiting).toBeDefined();
    const family = lucias.find((l) => l.id === waiting!.studentId)!.familyName;
    expect(waiting!.displayName).toMatch(/^Lucia \S+/);
    expect(family.startsWith(waiting!.displayName.slice('Lucia '.length).replace(/\.$/, ''))).toBe(
      true,
    );
    expect([...today.focus, ...today.openRepairs].map((x) => x.displayName)).not.toContain('Lucia');
  });
});
