// Property tests of the weekly focus list, built the way the server builds it: each student's
// repair comes from their history of openers and closers (src/domain/repairs.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FOCUS_LIMIT,
  FOCUS_REASONS,
  weeklyFocus,
  type FocusCandidate,
  type FocusReason,
} from './focus-list.js';
import {
  openRepair,
  REPAIR_NOT_NEEDED,
  REPAIR_URGENT_SCHOOL_DAYS,
  type RepairEvent,
} from './repairs.js';

const NOW = Date.UTC(2026, 10, 23, 15);
const eventArb: fc.Arbitrary<RepairEvent> = fc.record({
  at: fc
    .integer({ min: NOW - 90 * 86_400_000, max: NOW - 600_000 })
    .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString()),
  kind: fc.constantFrom(
    'correction',
    'incident',
    'empathy_statement',
    'repair',
    'restorative_conversation',
    REPAIR_NOT_NEEDED,
    'warm_moment',
  ),
});

interface Student {
  id: string;
  name: string;
  events: RepairEvent[];
  schoolDaysOpen: number;
  planDayToday: boolean;
  drought: number | null;
  lowRatio: number | null;
  preEstablish: boolean;
  dismissed: boolean;
}

const studentsArb: fc.Arbitrary<Student[]> = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-f0-9]{4}$/),
    name: fc.constantFrom('Ana', 'Ben', 'Lucia', 'Omar', 'Zoe'),
    events: fc.array(eventArb, { maxLength: 6 }),
    schoolDaysOpen: fc.integer({ min: 0, max: 60 }),
    planDayToday: fc.boolean(),
    drought: fc.option(fc.integer({ min: 5, max: 40 })),
    lowRatio: fc.option(fc.integer({ min: 0, max: 49 }).map((n) => n / 10)),
    preEstablish: fc.boolean(),
    dismissed: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  }),
  { selector: (s) => s.id, maxLength: 30 },
);

function candidate(s: Student): FocusCandidate {
  const open = openRepair(s.events);
  return {
    studentId: s.id,
    displayName: s.name,
    openRepairHours: open ? (NOW - Date.parse(open.openedAt)) / 3600_000 : null,
    openRepairSchoolDays: open ? s.schoolDaysOpen : null,
    planDayToday: s.planDayToday,
    schoolDaysWithoutPositive: s.drought,
    lowRatio: s.lowRatio,
    preEstablish: s.preEstablish,
    dismissed: s.dismissed,
  };
}

/** The reason a candidate is eligible for, by the rule's precedence, or null. */
function eligible(c: FocusCandidate): FocusReason | null {
  if (c.dismissed) return null;
  if (c.openRepairHours !== null && (c.openRepairSchoolDays ?? 0) <= REPAIR_URGENT_SCHOOL_DAYS)
    return 'open_repair';
  if (c.planDayToday) return 'plan_day_today';
  if (c.schoolDaysWithoutPositive !== null) return 'no_positive_lately';
  if (c.lowRatio !== null) return 'low_ratio';
  if (c.preEstablish) return 'pre_establish';
  if (c.openRepairHours !== null) return 'old_repair';
  return null;
}

describe('weekly focus list (properties)', () => {
  it('holds at most five students, each once, none dismissed, each with its own reason', () => {
    fc.assert(
      fc.property(studentsArb, (students) => {
        const cands = students.map(candidate);
        const list = weeklyFocus(cands);
        expect(list.length).toBeLessThanOrEqual(FOCUS_LIMIT);
        expect(new Set(list.map((x) => x.studentId)).size).toBe(list.length);
        const eligibleCount = cands.filter((c) => eligible(c) !== null).length;
        expect(list.length).toBe(Math.min(FOCUS_LIMIT, eligibleCount));
        for (const item of list) {
          const c = cands.find((x) => x.studentId === item.studentId)!;
          expect(item.reason).toBe(eligible(c));
        }
      }),
    );
  });

  it('is deterministic: the same students in any order give the same list', () => {
    fc.assert(
      fc.property(
        studentsArb.chain((s) =>
          fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length })),
        ),
        ([students, shuffled]) => {
          expect(weeklyFocus(shuffled.map(candidate))).toEqual(
            weeklyFocus(students.map(candidate)),
          );
        },
      ),
    );
  });

  it('mixes reasons: one of each reason there is before a second of any', () => {
    fc.assert(
      fc.property(studentsArb, (students) => {
        const cands = students.map(candidate);
        const list = weeklyFocus(cands);
        const available = new Map<FocusReason, number>();
        for (const c of cands) {
          const r = eligible(c);
          if (r) available.set(r, (available.get(r) ?? 0) + 1);
        }
        const shown = new Map<FocusReason, number>();
        for (const x of list) shown.set(x.reason, (shown.get(x.reason) ?? 0) + 1);
        // As many different reasons as there are, up to the limit.
        expect(shown.size).toBe(Math.min(available.size, FOCUS_LIMIT));
        // No reason has two more than another that still had students to give.
        for (const a of FOCUS_REASONS)
          for (const b of FOCUS_REASONS) {
            const na = shown.get(a) ?? 0;
            const nb = shown.get(b) ?? 0;
            if (na < (available.get(a) ?? 0)) expect(nb).toBeLessThanOrEqual(na + 1);
          }
      }),
    );
  });

  it('never lists a closed repair or one marked not needed as a repair', () => {
    fc.assert(
      fc.property(studentsArb, (students) => {
        const list = weeklyFocus(students.map(candidate));
        for (const item of list) {
          const s = students.find((x) => x.id === item.studentId)!;
          if (item.reason === 'open_repair' || item.reason === 'old_repair') {
            const open = openRepair(s.events);
            expect(open).not.toBeNull();
            // Its last closer, if any, is before the repair opened.
            const closers = s.events.filter((e) =>
              [
                'empathy_statement',
                'repair',
                'restorative_conversation',
                REPAIR_NOT_NEEDED,
              ].includes(e.kind),
            );
            for (const e of closers) expect(e.at < open!.openedAt).toBe(true);
          }
          if (item.reason === 'open_repair')
            expect(s.schoolDaysOpen).toBeLessThanOrEqual(REPAIR_URGENT_SCHOOL_DAYS);
        }
      }),
    );
  });

  it('drops a student whose only reason was a repair, once it is marked not needed', () => {
    fc.assert(
      fc.property(studentsArb, fc.nat(), (students, pick) => {
        if (students.length === 0) return;
        const target = students[pick % students.length]!;
        const quiet: Student = {
          ...target,
          planDayToday: false,
          drought: null,
          lowRatio: null,
          preEstablish: false,
          dismissed: false,
          events: [
            ...target.events,
            { at: new Date(NOW - 300_000).toISOString(), kind: 'correction' },
          ],
        };
        const others = students.filter((s) => s.id !== target.id);
        const before = weeklyFocus([...others, quiet].map(candidate));
        const closed = {
          ...quiet,
          events: [...quiet.events, { at: new Date(NOW).toISOString(), kind: REPAIR_NOT_NEEDED }],
        };
        const after = weeklyFocus([...others, closed].map(candidate));
        expect(after.some((x) => x.studentId === target.id)).toBe(false);
        // Before the mark it was eligible, as a repair.
        expect(eligible(candidate(quiet))).toMatch(/repair$/);
        expect(before.length).toBeGreaterThanOrEqual(after.length);
      }),
    );
  });
});
