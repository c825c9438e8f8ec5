import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  ClassRatiosResponse,
  DyadResponse,
  PracticeTodayResponse,
  RepairReportResponse,
  Stage,
} from '../../../contracts/practice.js';
import {
  isSchoolDay,
  localDate,
  schoolDaysBetween,
  type TermCalendar,
} from '../../../domain/calendar.js';
import { weeklyFocus, weekStart, type FocusCandidate } from '../../../domain/focus-list.js';
import { canUndo, isPositive, isInteractionKind } from '../../../domain/interaction-kinds.js';
import { displayName } from '../../../domain/names.js';
import {
  belowTarget,
  dailySeries,
  NO_POSITIVE_SCHOOL_DAYS,
  positivesPerCorrection,
  ratioWindow,
  sumRatio,
  type Ratio,
} from '../../../domain/ratio.js';
import { openRepair, repairEpisodes, timeToRepair } from '../../../domain/repairs.js';
import {
  explainStage,
  FEW_INTERACTIONS,
  suggestStage,
  type StageSignals,
} from '../../../domain/stages.js';
import { access, teacherOf } from '../../platform/access/access.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { namesInList } from '../../platform/views/list-names.js';
import { assertDyad } from './practice.policy.js';
import { practiceRepository } from './practice.repository.js';
import { toPlanView } from './plan-view.js';

type K = Kysely<Database>;

/**
 * The term that includes today, as a calendar, with the ISO range of its start to today's end.
 * Reads of the term's moments take both ends, so no query opens a month that has not come.
 */
export async function termContext(ctx: RequestContext) {
  const { today, todayEnd } = ctx;
  const term = await ctx.term();
  if (!term) return { today, todayEnd, term: null };
  return { today, todayEnd, term, cal: term.calendar, termStart: term.start };
}

/** The window when there is no current term. */
const NO_WINDOW = ratioWindow(null, '', 'UTC').view;

function ratioByStudent(counts: Array<{ student_id: string; kind: string; n: number | string }>) {
  const out = new Map<string, Ratio & { total: number }>();
  for (const c of counts) {
    const r = out.get(c.student_id) ?? { positive: 0, corrections: 0, total: 0 };
    const n = Number(c.n);
    r.total += n;
    if (isInteractionKind(c.kind) && isPositive(c.kind)) r.positive += n;
    else if (c.kind === 'correction') r.corrections += n;
    out.set(c.student_id, r);
  }
  return out;
}

function hoursSince(iso: string, now: Date): number {
  return Math.round(((now.getTime() - Date.parse(iso)) / 3600_000) * 10) / 10;
}

/**
 * Counts school days after a date (a student's last positive moment, the day a repair opened),
 * up to today (from the term's start when there was none). The term's school days are listed
 * once per request; each student is then a binary search.
 */
function droughtCounter(cal: TermCalendar, today: string) {
  const days = schoolDaysBetween(cal, cal.startDate, today);
  return (lastPositive: string | undefined): number => {
    if (!lastPositive) return days.length;
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! <= lastPositive) lo = mid + 1;
      else hi = mid;
    }
    return days.length - lo;
  };
}

/** The per-dyad signals row, typed, with the newest positive moment as a local date. */
function readSignals(
  x: {
    last_positive: string | null;
    first_open: string | null;
    moments: number | string | null;
  },
  timeZone: string,
) {
  return {
    lastPositiveDay: x.last_positive ? localDate(x.last_positive, timeZone) : undefined,
    openRepairAt: x.first_open ?? null,
    moments: Number(x.moments ?? 0),
  };
}

function uniqueStudents<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

/** The teacher's morning screen: who needs them this week and why, open repairs, plan days. */
export async function getPracticeToday(db: K, rc: RequestContext): Promise<PracticeTodayResponse> {
  const { actor, now } = rc;
  const teacherId = teacherOf(actor);
  const ctx = await termContext(rc);
  const empty: PracticeTodayResponse = {
    today: ctx.today,
    isSchoolDay: false,
    window: NO_WINDOW,
    ratio: { positive: 0, corrections: 0 },
    focus: [],
    openRepairs: [],
    planDays: [],
  };
  if (!ctx.term) return empty;
  const { cal, termStart, today } = ctx;
  const repo = practiceRepository(db);
  const students = uniqueStudents(await repo.students(actor.districtId, teacherId, today));
  const onRoster = new Set(students.map((s) => s.id));
  // One list: the focus list, the repairs and the plan days name the same students alike.
  const name = namesInList(students);
  const w = ratioWindow(cal, today, actor.timeZone);

  const [windowCounts, signals, activePlans, stages, flags, dismissed] = await Promise.all([
    w.range ? repo.kindCounts(actor.districtId, teacherId, w.range.start, w.range.end) : [],
    repo.dyadSignals(
      actor.districtId,
      teacherId,
      [...onRoster],
      termStart,
      ctx.todayEnd,
      FEW_INTERACTIONS,
    ),
    repo.plans(actor.districtId, teacherId, { status: 'active' }),
    repo.latestStages(actor.districtId, teacherId),
    repo.flags(actor.districtId, teacherId),
    repo.dismissals(actor.districtId, teacherId, weekStart(today)),
  ]);
  const windowRatio = ratioByStudent(windowCounts);
  const signalsOf = new Map(signals.map((x) => [x.student_id, readSignals(x, actor.timeZone)]));
  const openRepairAt = new Map(
    [...signalsOf]
      .filter(([, x]) => x.openRepairAt !== null)
      .map(([id, x]) => [id, x.openRepairAt!]),
  );
  const currentStage = new Map(stages.map((s) => [s.student_id, s.stage])); // ordered by set_at: last wins
  const conflict = new Set(flags.filter((f) => f.conflict_history === 1).map((f) => f.student_id));
  const dismissedIds = new Set(dismissed.map((d) => d.student_id));

  // Plan days today, with whether today's conversation is logged.
  const plans = activePlans
    .filter((p) => onRoster.has(p.student_id))
    .map((p) => ({ ...p, dayList: JSON.parse(p.days) as string[] }));
  const todays = plans.filter((p) => p.dayList.includes(today));
  const planDays = await Promise.all(
    todays.map(async (p) => {
      const view = await toPlanView(db, rc, p);
      return {
        planId: p.id,
        studentId: p.student_id,
        displayName: name.get(p.student_id) ?? '',
        dayNumber: view.todayNumber ?? 0,
        done: view.days.some((d) => d.date === today && d.state === 'done'),
        missed: view.missed,
      };
    }),
  );

  const daysWithoutPositive = droughtCounter(cal, today);
  const repairSchoolDays = (opened: string) =>
    daysWithoutPositive(localDate(opened, actor.timeZone));
  const candidates: FocusCandidate[] = students.map((s) => {
    const ratio = windowRatio.get(s.id) ?? { positive: 0, corrections: 0, total: 0 };
    const dyad = signalsOf.get(s.id);
    const stageSignals: StageSignals = {
      openRepair: openRepairAt.has(s.id),
      window: ratio,
      conflictHistory: conflict.has(s.id),
      interactionsThisTerm: dyad?.moments ?? 0,
    };
    const stage = currentStage.get(s.id) ?? suggestStage(stageSignals).stage;
    const drought = daysWithoutPositive(dyad?.lastPositiveDay);
    const opened = openRepairAt.get(s.id);
    return {
      studentId: s.id,
      displayName: name.get(s.id)!,
      openRepairHours: opened ? hoursSince(opened, now) : null,
      openRepairSchoolDays: opened ? repairSchoolDays(opened) : null,
      planDayToday: planDays.some((p) => p.studentId === s.id && !p.done),
      schoolDaysWithoutPositive: drought >= NO_POSITIVE_SCHOOL_DAYS ? drought : null,
      lowRatio: belowTarget(ratio) ? positivesPerCorrection(ratio) : null,
      preEstablish: stage === 'pre_establish',
      dismissed: dismissedIds.has(s.id),
    };
  });

  return {
    today,
    isSchoolDay: isSchoolDay(cal, today),
    window: w.view,
    ratio: sumRatio(
      [...windowRatio.entries()].filter(([id]) => onRoster.has(id)).map(([, r]) => r),
    ),
    focus: weeklyFocus(candidates),
    openRepairs: students
      .filter((s) => openRepairAt.has(s.id))
      .map((s) => ({
        studentId: s.id,
        displayName: name.get(s.id)!,
        openedAt: openRepairAt.get(s.id)!,
        ageHours: hoursSince(openRepairAt.get(s.id)!, now),
        schoolDays: repairSchoolDays(openRepairAt.get(s.id)!),
      }))
      .sort((a, b) => b.ageHours - a.ageHours),
    planDays,
  };
}

/** Ratios of one class: the class over the window, a daily trend, each student, and who has had no positive moment lately. */
export async function getClassRatios(
  db: K,
  rc: RequestContext,
  classId: string,
): Promise<ClassRatiosResponse> {
  const { actor } = rc;
  const { teacherId } = await access(db, rc).requireTeachesClass(classId);
  const ctx = await termContext(rc);
  const repo = practiceRepository(db);
  const students = uniqueStudents(
    await repo.students(actor.districtId, teacherId, ctx.today, { classId }),
  );
  if (!ctx.term) {
    return {
      classId,
      window: NO_WINDOW,
      ratio: { positive: 0, corrections: 0 },
      trend: [],
      students: [],
      noPositiveLately: [],
    };
  }
  const { cal, termStart, today } = ctx;
  const w = ratioWindow(cal, today, actor.timeZone);
  const ids = students.map((s) => s.id);
  const [moments, signals] = await Promise.all([
    w.range ? repo.ratioMoments(actor.districtId, teacherId, w.range.start, w.range.end, ids) : [],
    repo.dyadSignals(actor.districtId, teacherId, ids, termStart, ctx.todayEnd, FEW_INTERACTIONS),
  ]);
  const dated = moments.map((m) => ({
    student: m.student_id,
    date: localDate(m.occurred_at, actor.timeZone),
    kind: m.kind,
  }));
  const trend = dailySeries(w.days, dated);
  const daysWithoutPositive = droughtCounter(cal, today);
  const lastDay = new Map(
    signals.map((x) => [x.student_id, readSignals(x, actor.timeZone).lastPositiveDay]),
  );
  const rows = students
    .map((s) => ({
      studentId: s.id,
      // Shown with the family name beside it (the class ratios page), so no list name here.
      displayName: displayName(s.given_name, s.preferred_name),
      familyName: s.family_name,
      ratio: sumRatio(
        dailySeries(
          w.days,
          dated.filter((d) => d.student === s.id),
        ),
      ),
      schoolDaysWithoutPositive: daysWithoutPositive(lastDay.get(s.id)),
    }))
    .sort(
      (a, b) =>
        a.displayName.localeCompare(b.displayName) || a.familyName.localeCompare(b.familyName),
    );
  return {
    classId,
    window: w.view,
    ratio: sumRatio(trend),
    trend,
    students: rows,
    noPositiveLately: rows
      .filter((r) => r.schoolDaysWithoutPositive >= NO_POSITIVE_SCHOOL_DAYS)
      .sort(
        (a, b) =>
          b.schoolDaysWithoutPositive - a.schoolDaysWithoutPositive ||
          a.displayName.localeCompare(b.displayName),
      ),
  };
}

/** Everything about one dyad the teacher needs: stage with its reason, ratio, repair, plans, incidents. */
export async function getDyad(db: K, rc: RequestContext, studentId: string): Promise<DyadResponse> {
  const { actor, now } = rc;
  const student = await assertDyad(db, rc, studentId);
  const { teacherId } = student;
  const ctx = await termContext(rc);
  const repo = practiceRepository(db);
  const since = ctx.term ? ctx.termStart : '0000';
  const w = ctx.term ? ratioWindow(ctx.cal, ctx.today, actor.timeZone) : null;
  const todayEnd = ctx.todayEnd;
  const [moments, termCounts, events, stages, flags, plans, incidents] = await Promise.all([
    w?.range
      ? repo.ratioMoments(actor.districtId, teacherId, w.range.start, w.range.end, [studentId])
      : [],
    repo.kindCounts(actor.districtId, teacherId, since, todayEnd, studentId),
    repo.repairEvents(actor.districtId, teacherId, since, todayEnd, studentId),
    repo.latestStages(actor.districtId, teacherId, studentId),
    repo.flags(actor.districtId, teacherId, studentId),
    repo.plans(actor.districtId, teacherId, { studentId }),
    repo.incidents(actor.districtId, teacherId, studentId),
  ]);
  const trend = w
    ? dailySeries(
        w.days,
        moments.map((m) => ({ date: localDate(m.occurred_at, actor.timeZone), kind: m.kind })),
      )
    : [];
  const ratio = sumRatio(trend);
  const open = openRepair(events.map((e) => ({ at: e.occurred_at, kind: e.kind })));
  const signals: StageSignals = {
    openRepair: open !== null,
    window: ratio,
    conflictHistory: flags[0]?.conflict_history === 1,
    interactionsThisTerm: termCounts.reduce((n, c) => n + Number(c.n), 0),
  };
  const suggestion = suggestStage(signals);
  const history = stages.map((s) => ({
    stage: s.stage as Stage,
    suggestedStage: s.suggested_stage as Stage,
    decision: s.decision,
    setAt: s.set_at,
  }));
  const planViews = await Promise.all(plans.map((p) => toPlanView(db, rc, p)));
  return {
    studentId,
    displayName: displayName(student.given_name, student.preferred_name),
    familyName: student.family_name,
    pronouns: student.pronouns,
    window: w?.view ?? NO_WINDOW,
    ratio,
    trend,
    stage: {
      current: history.at(-1) ?? null,
      suggested: suggestion.stage,
      because: explainStage(suggestion, signals, actor.locale),
      history: [...history].reverse(),
    },
    conflictHistory: signals.conflictHistory,
    openRepair: open ? { openedAt: open.openedAt, ageHours: hoursSince(open.openedAt, now) } : null,
    plans: planViews,
    incidents: incidents.map((i) => ({
      id: i.id,
      studentId: i.student_id,
      occurredAt: i.occurred_at,
      whatHappened: i.what_happened,
      explanations: i.explanations.map((e) => ({ text: e.text, charitable: e.charitable === 1 })),
      nextStep: i.next_step,
      createdAt: i.created_at,
    })),
  };
}

/** Records the teacher's stage for a dyad: accepted when it is Rapport's suggestion, overridden otherwise. */
export async function setStage(db: K, ctx: RequestContext, studentId: string, stage: Stage) {
  const { actor, now } = ctx;
  const dyad = await getDyad(db, ctx, studentId);
  await practiceRepository(db).insertStage({
    district_id: actor.districtId,
    id: randomUUID(),
    teacher_id: teacherOf(actor),
    student_id: studentId,
    stage,
    suggested_stage: dyad.stage.suggested,
    suggested_reason: dyad.stage.because,
    decision: stage === dyad.stage.suggested ? 'accepted' : 'overridden',
    set_at: now.toISOString(),
  });
  return getDyad(db, ctx, studentId);
}

export async function setConflictHistory(
  db: K,
  ctx: RequestContext,
  studentId: string,
  value: boolean,
) {
  const { actor, now } = ctx;
  const { teacherId } = await assertDyad(db, ctx, studentId);
  await practiceRepository(db).setConflictHistory({
    district_id: actor.districtId,
    teacher_id: teacherId,
    student_id: studentId,
    conflict_history: value ? 1 : 0,
    updated_at: now.toISOString(),
  });
  return getDyad(db, ctx, studentId);
}

/** Takes a student off this week's focus list. */
export async function dismissFocus(db: K, ctx: RequestContext, studentId: string) {
  const { teacherId } = await assertDyad(db, ctx, studentId);
  await practiceRepository(db).dismiss({
    district_id: ctx.actor.districtId,
    teacher_id: teacherId,
    student_id: studentId,
    week_start: weekStart(ctx.today),
  });
  return getPracticeToday(db, ctx);
}

/**
 * Closes the student's open repair as not needed (src/domain/repairs.ts) and answers with the
 * new day. The mark is stored with its author, the repair's start and the time, so it stays on
 * record; a replayed client id returns the same answer without a second mark.
 */
export async function markRepairNotNeeded(
  db: K,
  rc: RequestContext,
  studentId: string,
  clientId: string,
): Promise<PracticeTodayResponse> {
  const { actor, now } = rc;
  const { teacherId } = await assertDyad(db, rc, studentId);
  const repo = practiceRepository(db);
  const replay = await repo.repairClosureByClientId(actor.districtId, actor.accountId, clientId);
  if (replay) {
    if (replay.student_id !== studentId)
      throw new ConflictError('This client id was already used for another student.');
    return getPracticeToday(db, rc);
  }
  const ctx = await termContext(rc);
  const events = await repo.repairEvents(
    actor.districtId,
    teacherId,
    ctx.term ? ctx.termStart : '0000',
    ctx.todayEnd,
    studentId,
  );
  const open = openRepair(events.map((e) => ({ at: e.occurred_at, kind: e.kind })));
  if (!open) throw new ConflictError('Nothing is waiting for repair with this student.');
  await repo.insertRepairClosure({
    district_id: actor.districtId,
    id: randomUUID(),
    client_id: clientId,
    author_account_id: actor.accountId,
    teacher_id: teacherId,
    student_id: studentId,
    opened_at: open.openedAt,
    closed_at: now.toISOString(),
    reason: 'not_needed',
    undone_at: null,
  });
  return getPracticeToday(db, rc);
}

/** Takes back a "not needed" mark within the undo window of a logged moment; twice is a no-op. */
export async function undoRepairNotNeeded(
  db: K,
  rc: RequestContext,
  clientId: string,
): Promise<PracticeTodayResponse> {
  const { actor, now } = rc;
  const repo = practiceRepository(db);
  const mark = await repo.repairClosureByClientId(actor.districtId, actor.accountId, clientId);
  if (!mark) throw new NotFoundError('This "not needed" mark');
  // The student must still be the teacher's: the same check as every practice write.
  await assertDyad(db, rc, mark.student_id);
  if (mark.undone_at === null) {
    if (!canUndo(mark.closed_at, now.getTime()))
      throw new ConflictError('The 10-minute undo window has passed for this mark.');
    await repo.undoRepairClosure(actor.districtId, mark.id, now.toISOString());
  }
  return getPracticeToday(db, rc);
}

/** How fast this teacher's repairs happen this term: for the teacher's eyes only. */
export async function getRepairReport(db: K, rc: RequestContext): Promise<RepairReportResponse> {
  const { actor } = rc;
  const teacherId = teacherOf(actor);
  const ctx = await termContext(rc);
  if (!ctx.term) return { closed: 0, open: 0, notNeeded: 0, medianHours: null };
  const events = await practiceRepository(db).repairEvents(
    actor.districtId,
    teacherId,
    ctx.termStart,
    ctx.todayEnd,
  );
  const byStudent = new Map<string, Array<{ at: string; kind: string }>>();
  for (const e of events)
    byStudent.set(e.student_id, [
      ...(byStudent.get(e.student_id) ?? []),
      { at: e.occurred_at, kind: e.kind },
    ]);
  const t = timeToRepair([...byStudent.values()].flatMap((evs) => repairEpisodes(evs)));
  return { ...t, medianHours: t.medianHours === null ? null : Math.round(t.medianHours * 10) / 10 };
}
