import { describe, expect, it } from 'vitest';
import { weeklyFocus, weekStart, type FocusCandidate } from './focus-list.js';
import { incidentProblem } from './incidents.js';
import { belowTarget, dailySeries, positivesPerCorrection, sumRatio } from './ratio.js';
import {
  isUrgentRepair,
  openRepair,
  REPAIR_NOT_NEEDED,
  REPAIR_URGENT_SCHOOL_DAYS,
  repairEpisodes,
  timeToRepair,
} from './repairs.js';
import { explainStage, suggestStage, type StageSignals } from './stages.js';

describe('ratio', () => {
  it('counts per school day, every day present, other kinds ignored', () => {
    const s = dailySeries(
      ['2026-11-19', '2026-11-20'],
      [
        { date: '2026-11-19', kind: 'warm_moment' },
        { date: '2026-11-19', kind: 'correction' },
        { date: '2026-11-19', kind: 'empathy_statement' },
        { date: '2026-11-18', kind: 'affirmation' }, // outside the days asked for
      ],
    );
    expect(s).toEqual([
      { date: '2026-11-19', positive: 1, corrections: 1 },
      { date: '2026-11-20', positive: 0, corrections: 0 },
    ]);
    expect(sumRatio(s)).toEqual({ positive: 1, corrections: 1 });
  });
  it('treats zero corrections as no ratio to divide, and 5:1 as the reference', () => {
    expect(positivesPerCorrection({ positive: 7, corrections: 0 })).toBeNull();
    expect(belowTarget({ positive: 7, corrections: 0 })).toBe(false);
    expect(belowTarget({ positive: 9, corrections: 2 })).toBe(true);
    expect(belowTarget({ positive: 10, corrections: 2 })).toBe(false);
  });
});

describe('repairs', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 10, 16, h)).toISOString();
  it('opens at the first correction or incident and closes at an empathy statement, repair or restorative conversation', () => {
    const eps = repairEpisodes([
      { at: t(9), kind: 'correction' },
      { at: t(10), kind: 'correction' },
      { at: t(12), kind: 'warm_moment' },
      { at: t(14), kind: 'empathy_statement' },
      { at: t(20), kind: 'incident' },
      { at: t(30), kind: 'restorative_conversation' },
      { at: t(40), kind: 'repair' }, // nothing open: no effect
      { at: t(50), kind: 'correction' },
    ]);
    expect(eps).toEqual([
      { openedAt: t(9), closedAt: t(14), closedBy: 'repair' },
      { openedAt: t(20), closedAt: t(30), closedBy: 'repair' },
      { openedAt: t(50), closedAt: null, closedBy: null },
    ]);
    expect(timeToRepair(eps)).toEqual({ closed: 2, open: 1, notNeeded: 0, medianHours: 7.5 });
  });
  it('closes a repair marked not needed, and counts it apart from the repairs it times', () => {
    const eps = repairEpisodes([
      { at: t(1), kind: 'correction' },
      { at: t(2), kind: REPAIR_NOT_NEEDED },
      { at: t(3), kind: 'correction' },
      { at: t(13), kind: 'empathy_statement' },
      { at: t(20), kind: 'correction' },
    ]);
    expect(eps.map((e) => e.closedBy)).toEqual(['not_needed', 'repair', null]);
    expect(timeToRepair(eps)).toEqual({ closed: 1, open: 1, notNeeded: 1, medianHours: 10 });
    expect(
      openRepair([
        { at: t(1), kind: 'incident' },
        { at: t(5), kind: REPAIR_NOT_NEEDED },
      ]),
    ).toBeNull();
  });
  it('keeps a repair urgent for five school days after the day it opened', () => {
    expect(REPAIR_URGENT_SCHOOL_DAYS).toBe(5);
    expect(isUrgentRepair(0)).toBe(true);
    expect(isUrgentRepair(5)).toBe(true);
    expect(isUrgentRepair(6)).toBe(false);
  });
  it('closes a repair logged at the same instant as its cause', () => {
    expect(
      openRepair([
        { at: t(3), kind: 'empathy_statement' },
        { at: t(3), kind: 'incident' },
      ]),
    ).toBeNull();
  });
  it('is order-independent of input and has no open repair after a close', () => {
    expect(
      openRepair([
        { at: t(2), kind: 'repair' },
        { at: t(1), kind: 'correction' },
      ]),
    ).toBeNull();
    expect(
      openRepair([
        { at: t(1), kind: 'repair' },
        { at: t(2), kind: 'correction' },
      ]),
    ).toEqual({ openedAt: t(2), closedAt: null, closedBy: null });
  });
});

describe('stage suggestion precedence', () => {
  const base: StageSignals = {
    openRepair: false,
    window: { positive: 8, corrections: 1 },
    conflictHistory: false,
    interactionsThisTerm: 30,
  };
  it.each([
    [{}, 'maintain', 'meets_five_to_one'], // 8 : 1
    [{ window: { positive: 10, corrections: 2 } }, 'maintain', 'meets_five_to_one'],
    [{ window: { positive: 9, corrections: 2 } }, 'establish', 'below_five_to_one'],
    [{ window: { positive: 4, corrections: 0 } }, 'maintain', 'meets_five_to_one'],
    [{ window: { positive: 0, corrections: 0 } }, 'establish', 'no_positive_in_window'],
    [{ interactionsThisTerm: 4 }, 'establish', 'few_interactions'],
    [{ conflictHistory: true, interactionsThisTerm: 2 }, 'pre_establish', 'conflict_history'],
    [
      { window: { positive: 1, corrections: 2 }, interactionsThisTerm: 2 },
      'pre_establish',
      'corrections_outnumber_positives',
    ],
    [
      { openRepair: true, conflictHistory: true, window: { positive: 0, corrections: 5 } },
      'restore',
      'open_repair',
    ],
    [{ window: { positive: 2, corrections: 2 } }, 'establish', 'below_five_to_one'], // 1 : 1
  ] as const)('%o → %s', (patch, stage, reason) => {
    const signals = { ...base, ...patch };
    const s = suggestStage(signals);
    expect(s).toEqual({ stage, reason });
    expect(explainStage(s, signals, 'en')).toMatch(/\.$/);
    expect(explainStage(s, signals, 'es')).not.toBe(explainStage(s, signals, 'en'));
  });
});

describe('weekly focus list', () => {
  const c = (id: string, patch: Partial<FocusCandidate>): FocusCandidate => ({
    studentId: id,
    displayName: id.toUpperCase(),
    openRepairHours: null,
    openRepairSchoolDays: null,
    planDayToday: false,
    schoolDaysWithoutPositive: null,
    lowRatio: null,
    preEstablish: false,
    dismissed: false,
    ...patch,
  });
  const repair = (hours: number, schoolDays: number) => ({
    openRepairHours: hours,
    openRepairSchoolDays: schoolDays,
  });
  it('keeps at most five, the most pressing of each reason first, reasons in priority order', () => {
    const list = weeklyFocus([
      c('a', { preEstablish: true }),
      c('b', { lowRatio: 1.5 }),
      c('c', { lowRatio: 0.5 }),
      c('d', { schoolDaysWithoutPositive: 6 }),
      c('e', { schoolDaysWithoutPositive: 12 }),
      c('f', { planDayToday: true, lowRatio: 0.1 }),
      c('g', repair(5, 0)),
      c('h', repair(50, 2)),
      c('i', {}),
      c('j', { ...repair(500, 4), dismissed: true }),
    ]);
    expect(list.map((x) => `${x.studentId}:${x.reason}`)).toEqual([
      'h:open_repair',
      'f:plan_day_today',
      'e:no_positive_lately',
      'c:low_ratio',
      'a:pre_establish',
    ]);
  });
  it('mixes reasons: a second of each only after one of each', () => {
    const list = weeklyFocus([
      c('r1', repair(10, 1)),
      c('r2', repair(20, 2)),
      c('r3', repair(30, 3)),
      c('r4', repair(40, 4)),
      c('r5', repair(50, 5)),
      c('n1', { schoolDaysWithoutPositive: 9 }),
      c('n2', { schoolDaysWithoutPositive: 7 }),
    ]);
    expect(list.map((x) => x.studentId)).toEqual(['r5', 'n1', 'r4', 'n2', 'r3']);
  });
  it('fills the list from one reason when there is no other', () => {
    const list = weeklyFocus(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => c(id, repair(10 + i, 1))),
    );
    expect(list.map((x) => x.studentId)).toEqual(['f', 'e', 'd', 'c', 'b']);
  });
  it('ranks a repair older than five school days after every other reason', () => {
    const list = weeklyFocus([
      c('september', repair(1900, 60)),
      c('last-week', repair(170, 6)),
      c('a', { preEstablish: true }),
      c('b', { lowRatio: 1 }),
      c('d', { schoolDaysWithoutPositive: 6 }),
      c('p', { planDayToday: true }),
      c('fresh', repair(20, 1)),
    ]);
    expect(list.map((x) => `${x.studentId}:${x.reason}`)).toEqual([
      'fresh:open_repair',
      'p:plan_day_today',
      'd:no_positive_lately',
      'b:low_ratio',
      'a:pre_establish',
    ]);
    // With room to spare, old repairs come in, the newest first.
    expect(
      weeklyFocus([c('september', repair(1900, 60)), c('last-week', repair(170, 6))]).map(
        (x) => `${x.studentId}:${x.reason}`,
      ),
    ).toEqual(['last-week:old_repair', 'september:old_repair']);
    // An old repair does not hide a student's other reason.
    expect(
      weeklyFocus([c('x', { ...repair(900, 30), schoolDaysWithoutPositive: 8 })])[0]!.reason,
    ).toBe('no_positive_lately');
  });
  it('is deterministic whatever the input order', () => {
    const xs = [
      c('x', { preEstablish: true }),
      c('y', { preEstablish: true }),
      c('z', { lowRatio: 1 }),
    ];
    expect(weeklyFocus([...xs].reverse())).toEqual(weeklyFocus(xs));
  });
  it('weeks start on Monday', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
  });
});

describe('incident drafts', () => {
  const ok = {
    whatHappened: 'Threw a pencil',
    nextStep: 'Check in at the door tomorrow',
    explanations: [
      { text: 'Frustrated with the task', charitable: true },
      { text: 'Testing limits', charitable: false },
    ],
  };
  it('saves with two explanations, one charitable', () => expect(incidentProblem(ok)).toBeNull());
  it('refuses without a charitable explanation, naming the field', () => {
    expect(
      incidentProblem({
        ...ok,
        explanations: ok.explanations.map((e) => ({ ...e, charitable: false })),
      }),
    ).toEqual({
      field: 'explanations',
      reason: expect.stringMatching(/at least one charitable/),
    });
  });
  it('refuses one explanation, a blank one, or a missing next step', () => {
    expect(incidentProblem({ ...ok, explanations: [ok.explanations[0]!] })?.reason).toMatch(
      /at least 2/,
    );
    expect(
      incidentProblem({
        ...ok,
        explanations: [...ok.explanations, { text: ' ', charitable: true }],
      })?.field,
    ).toBe('explanations[2].text');
    expect(incidentProblem({ ...ok, nextStep: '' })?.field).toBe('nextStep');
  });
});
