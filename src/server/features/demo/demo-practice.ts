// The demo teacher's practice, as a teacher who uses Rapport would have it: moments logged most
// school days, a ratio that climbs from about 2.5 : 1 in the term's first weeks to about 4 : 1
// now, corrections repaired within a day or two (a few marked not needed, the last days' few
// still waiting), a two-by-ten running and one finished, stages chosen for some students, two
// incidents with charitable explanations, and two students named Lucia in the same class.
// Pure and deterministic like the generator: the same data and day give the same rows.
import {
  addDays,
  isoWeekday,
  isSchoolDay,
  localDate,
  localDayRange,
  recentSchoolDays,
  type TermCalendar,
} from '../../../domain/calendar.js';
import { isPositive, type InteractionKind } from '../../../domain/interaction-kinds.js';
import { closesRepair, opensRepair, REPAIR_NOT_NEEDED } from '../../../domain/repairs.js';
import { explainStage, suggestStage, type Stage } from '../../../domain/stages.js';
import { planDays, PLAN_SCHOOL_DAYS } from '../../../domain/two-by-ten.js';
import type { Database } from '../../platform/db/schema.js';
import { DEMO_TIMEZONE, DEMO_USERNAMES, type DemoData } from './demo.generator.js';
import { seededRandom } from './seeded-random.js';

export interface DemoPractice {
  /** Every interaction of the district: the other teachers' as generated, the demo teacher's anew. */
  interactions: Database['interactions'][];
  plans: Database['plans'][];
  dyadStages: Database['dyad_stages'][];
  dyadFlags: Database['dyad_flags'][];
  incidents: Database['incidents'][];
  incidentExplanations: Database['incident_explanations'][];
  repairClosures: Database['repair_closures'][];
}

/** Positive share of the demo teacher's moments at the term's start and now (≈2.5 : 1 → 4 : 1). */
const SHARE_FROM = 0.71;
const SHARE_TO = 0.8;
/** Of the corrections: marked not needed; otherwise a repair after 0, 1 or 2 school days. */
const NOT_NEEDED = 0.15;
const REPAIR_DELAY = [0.55, 0.35, 0.1];
const CLOSERS: InteractionKind[] = ['empathy_statement', 'repair', 'restorative_conversation'];

const INCIDENTS = [
  {
    whatHappened:
      'Pushed his chair back and walked out of the room when I asked him to start the warm-up again.',
    explanations: [
      {
        text: 'The warm-up was the same kind he got wrong on Friday; he may have felt set up to fail in front of everyone.',
        charitable: true,
      },
      {
        text: 'Something may have happened at lunch that he brought into class.',
        charitable: true,
      },
      { text: 'He wanted to get out of the work.', charitable: false },
    ],
    nextStep: 'Greet him at the door tomorrow and ask, privately, how the warm-up felt.',
  },
  {
    whatHappened:
      'Said "this class is pointless" loudly during the group task and the table laughed.',
    explanations: [
      {
        text: 'She finished early and was bored; the task may have been too easy for her.',
        charitable: true,
      },
      {
        text: 'She was testing whether I would embarrass her in front of her friends.',
        charitable: false,
      },
    ],
    nextStep: 'Offer her the extension problem and a role as the group’s checker next time.',
  },
];

const REFLECTION =
  'He talks about football and his little sister now, and he starts the warm-up without a reminder most days. The first three conversations were one-word answers; day four (the match on Saturday) changed it.';

interface Moment {
  at: string;
  kind: string;
  studentId: string;
  classId: string | null;
}

/** Rewrites the demo teacher's practice in `data` (the other teachers' moments stay as they are). */
export function demoTeacherPractice(data: DemoData, today: string, seed = 7): DemoPractice {
  const r = seededRandom(seed);
  const d = data.district.id;
  const empty: DemoPractice = {
    interactions: data.interactions,
    plans: [],
    dyadStages: [],
    dyadFlags: [],
    incidents: [],
    incidentExplanations: [],
    repairClosures: [],
  };
  const account = data.accounts.find((a) => a.row.username === DEMO_USERNAMES.teacher)?.row;
  const term = data.terms[0];
  if (!account?.person_id || !term) return empty;
  const teacherId: string = account.person_id;
  const authorId = account.id;
  const cal: TermCalendar = {
    startDate: term.start_date,
    endDate: term.end_date,
    daysOff: new Set(data.daysOff.map((x) => x.date)),
  };
  const taught = new Set(
    data.enrollments
      .filter((e) => e.role === 'teacher' && e.person_id === teacherId)
      .map((e) => e.class_id),
  );
  const classes = data.classes
    .filter((c) => taught.has(c.id))
    .sort((a, b) => Number(a.period) - Number(b.period));
  const rosterOf = new Map(
    classes.map((c) => [
      c.id,
      data.enrollments
        .filter((e) => e.role === 'student' && e.class_id === c.id)
        .map((e) => e.person_id),
    ]),
  );
  const first = classes.find((c) => (rosterOf.get(c.id)?.length ?? 0) >= 6);
  if (!first) return empty;

  // Two Lucias in the first class, with different family names (issue 13: told apart in lists).
  const person = new Map(data.people.map((p) => [p.id, p]));
  const studentAccount = data.accounts.find((a) => a.row.username === DEMO_USERNAMES.student)?.row;
  const firstRoster = rosterOf.get(first.id)!.filter((id) => id !== studentAccount?.person_id);
  const [l1, l2] = [person.get(firstRoster[0]!)!, person.get(firstRoster[1]!)!];
  for (const l of [l1, l2]) {
    l.given_name = 'Lucia';
    l.preferred_name = null;
  }
  if (l1.family_name === l2.family_name)
    l2.family_name = l1.family_name === 'Rivera' ? 'Flores' : 'Rivera';

  // Who the story is about: a plan that is running, one that finished, two incidents.
  const classOf = new Map<string, string>();
  for (const c of classes)
    for (const s of rosterOf.get(c.id)!) if (!classOf.has(s)) classOf.set(s, c.id);
  const [planStudent, pastPlanStudent, incidentA, incidentB, steadyA, steadyB] = [
    firstRoster[2],
    firstRoster[3],
    firstRoster[4],
    firstRoster[5],
    firstRoster[0],
    firstRoster[1],
  ] as string[];

  const schoolDays: string[] = [];
  for (let day = cal.startDate; day < today; day = addDays(day, 1))
    if (isSchoolDay(cal, day)) schoolDays.push(day);
  const n = schoolDays.length;
  if (n < 15) return empty;
  const dayIndex = new Map(schoolDays.map((day, i) => [day, i]));
  const periodStart = (day: string, period: string | null, minute: number) =>
    new Date(
      Date.parse(localDayRange(day, DEMO_TIMEZONE).start) +
        (8 * 60 + (Number(period ?? 1) - 1) * 55 + minute) * 60_000,
    ).toISOString();
  const meets = (classId: string, day: string) =>
    classes.find((c) => c.id === classId)!.meeting_days.includes(String(isoWeekday(day)));
  const afterSchool = (day: string, minute: number) =>
    new Date(
      Date.parse(localDayRange(day, DEMO_TIMEZONE).start) + (15 * 60 + minute) * 60_000,
    ).toISOString();

  const moments: Moment[] = [];
  const marks: Array<{ at: string; studentId: string }> = [];
  // The positive share is spread evenly over the teacher's moments (an error-diffusion
  // accumulator), so any ten school days hold close to the day's share, whatever the draw.
  let acc = 0.5;
  schoolDays.forEach((day, i) => {
    const share = SHARE_FROM + ((SHARE_TO - SHARE_FROM) * i) / Math.max(1, n - 1);
    for (const cls of classes) {
      if (!meets(cls.id, day)) continue;
      const roster = rosterOf.get(cls.id)!;
      if (roster.length === 0) continue;
      const count = 3 + r.int(0, 5);
      for (let k = 0; k < count; k++) {
        const studentId = r.pick(roster);
        const minute = r.int(2, 48);
        const at = periodStart(day, cls.period, minute);
        acc += share;
        if (acc >= 1) {
          acc -= 1;
          moments.push({
            at,
            kind: r.chance(0.55) ? 'warm_moment' : 'affirmation',
            studentId,
            classId: cls.id,
          });
          continue;
        }
        moments.push({ at, kind: 'correction', studentId, classId: cls.id });
        if (r.chance(NOT_NEEDED)) {
          marks.push({ at: afterSchool(day, r.int(5, 90)), studentId });
          continue;
        }
        const u = r.next();
        const delay = u < REPAIR_DELAY[0]! ? 0 : u < REPAIR_DELAY[0]! + REPAIR_DELAY[1]! ? 1 : 2;
        const closeDay = schoolDays[i + delay];
        if (!closeDay) continue; // due today or later: still waiting
        const kind = r.pick(CLOSERS);
        const closeAt =
          delay === 0
            ? new Date(Date.parse(at) + r.int(10, 200) * 60_000).toISOString()
            : meets(cls.id, closeDay)
              ? periodStart(closeDay, cls.period, r.int(0, 5))
              : afterSchool(closeDay, r.int(0, 30));
        moments.push({ at: closeAt, kind, studentId, classId: cls.id });
      }
    }
  });

  // One Lucia was corrected in yesterday's lesson and the repair is still to come, so the week's
  // lists show her told apart from the other ("Lucia G.").
  {
    const last = schoolDays[n - 1]!;
    const at = periodStart(last, first.period, 40);
    const isCloser = (k: string) => closesRepair(k);
    for (let k = moments.length - 1; k >= 0; k--)
      if (moments[k]!.studentId === l1.id && moments[k]!.at >= at && isCloser(moments[k]!.kind))
        moments.splice(k, 1);
    for (let k = marks.length - 1; k >= 0; k--)
      if (marks[k]!.studentId === l1.id && marks[k]!.at >= at) marks.splice(k, 1);
    moments.push({ at, kind: 'correction', studentId: l1.id, classId: first.id });
  }

  // Two-by-ten plans: the running one is on its seventh day today (one day missed), the
  // finished one ran in the term's second and third weeks.
  const plans: Database['plans'][] = [];
  const stages: Database['dyad_stages'][] = [];
  const conversation = (studentId: string, day: string) => {
    const cls = classOf.get(studentId)!;
    const c = classes.find((x) => x.id === cls)!;
    moments.push({
      at: meets(cls, day) ? periodStart(day, c.period, 1) : afterSchool(day, 5),
      kind: 'conversation',
      studentId,
      classId: cls,
    });
  };
  const plan = (
    studentId: string,
    start: string,
    status: Database['plans']['status'],
    skip: number,
  ) => {
    const days = planDays(cal, start);
    const createdAt = new Date(
      Date.parse(localDayRange(days[0]!, DEMO_TIMEZONE).start) + 7.5 * 3600_000,
    ).toISOString();
    days.forEach((day, k) => {
      if (day < today && k !== skip) conversation(studentId, day);
    });
    plans.push({
      district_id: d,
      id: r.uuid(),
      teacher_id: teacherId,
      author_account_id: authorId,
      student_id: studentId,
      term_id: term.id,
      start_date: days[0]!,
      days: JSON.stringify(days),
      status,
      reflection: status === 'completed' ? REFLECTION : null,
      created_at: createdAt,
      ended_at: status === 'completed' ? afterSchool(days[PLAN_SCHOOL_DAYS - 1]!, 20) : null,
    });
    return days;
  };
  const runningDays = plan(planStudent!, schoolDays[n - 6]!, 'active', 3);
  const pastDays = plan(pastPlanStudent!, schoolDays[5]!, 'completed', 6);

  // Incidents, each with at least one charitable explanation, repaired the next school day.
  const incidents: Database['incidents'][] = [];
  const explanations: Database['incident_explanations'][] = [];
  [
    { studentId: incidentA!, day: schoolDays[n - 12]!, text: INCIDENTS[0]! },
    { studentId: incidentB!, day: schoolDays[n - 31] ?? schoolDays[2]!, text: INCIDENTS[1]! },
  ].forEach(({ studentId, day, text }, k) => {
    const cls = classes.find((c) => c.id === classOf.get(studentId))!;
    const at = periodStart(day, cls.period, 30);
    const id = r.uuid();
    incidents.push({
      district_id: d,
      id,
      client_id: r.uuid(),
      teacher_id: teacherId,
      author_account_id: authorId,
      student_id: studentId,
      occurred_at: at,
      what_happened: text.whatHappened,
      next_step: text.nextStep,
      created_at: afterSchool(day, 10 + k),
    });
    text.explanations.forEach((e, position) =>
      explanations.push({
        district_id: d,
        incident_id: id,
        position,
        text: e.text,
        charitable: e.charitable ? 1 : 0,
      }),
    );
    const next = schoolDays[(dayIndex.get(day) ?? 0) + 1]!;
    moments.push({
      at: meets(cls.id, next) ? periodStart(next, cls.period, 0) : afterSchool(next, 0),
      kind: 'restorative_conversation',
      studentId,
      classId: cls.id,
    });
  });

  // "Not needed" marks close what is open when they are made; one with nothing open is dropped
  // (the server would refuse it). Same rule as src/domain/repairs.ts.
  const closures: Database['repair_closures'][] = [];
  const byStudent = new Map<string, Array<{ at: string; kind: string }>>();
  const push = (s: string, e: { at: string; kind: string }) =>
    byStudent.set(s, [...(byStudent.get(s) ?? []), e]);
  for (const m of moments) push(m.studentId, m);
  for (const x of incidents) push(x.student_id, { at: x.occurred_at, kind: 'incident' });
  for (const m of marks) push(m.studentId, { at: m.at, kind: REPAIR_NOT_NEEDED });
  const opener = (k: string) => k === 'incident' || opensRepair(k);
  for (const [studentId, events] of [...byStudent].sort(([a], [b]) => (a < b ? -1 : 1))) {
    events.sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : (opener(a.kind) ? 0 : 1) - (opener(b.kind) ? 0 : 1),
    );
    let openedAt: string | null = null;
    for (const e of events) {
      if (opener(e.kind)) openedAt ??= e.at;
      else if (closesRepair(e.kind) && openedAt) {
        if (e.kind === REPAIR_NOT_NEEDED)
          closures.push({
            district_id: d,
            id: r.uuid(),
            client_id: r.uuid(),
            author_account_id: authorId,
            teacher_id: teacherId,
            student_id: studentId,
            opened_at: openedAt,
            closed_at: e.at,
            reason: 'not_needed',
            undone_at: null,
          });
        openedAt = null;
      }
    }
  }
  const keptMarks = new Set(closures.map((c) => `${c.student_id}|${c.closed_at}`));

  // Stages the teacher chose, with what Rapport suggested then (from the moments before).
  const flags: Database['dyad_flags'][] = [
    {
      district_id: d,
      teacher_id: teacherId,
      student_id: planStudent!,
      conflict_history: 1,
      updated_at: afterSchool(addDays(runningDays[0]!, -1), 0),
    },
  ];
  const conflict = new Set([planStudent!]);
  const stageAt = (studentId: string, day: string, chosen?: Stage) => {
    const at = new Date(
      Date.parse(localDayRange(day, DEMO_TIMEZONE).start) + 7 * 3600_000,
    ).toISOString();
    const before = (byStudent.get(studentId) ?? []).filter(
      (e) => e.at < at && (e.kind !== REPAIR_NOT_NEEDED || keptMarks.has(`${studentId}|${e.at}`)),
    );
    const window = new Set(recentSchoolDays(cal, addDays(day, -1), 10));
    const inWindow = before.filter(
      (e) => e.kind !== 'incident' && window.has(localDate(e.at, DEMO_TIMEZONE)),
    );
    let open = false;
    for (const e of before) {
      if (opener(e.kind)) open = true;
      else if (closesRepair(e.kind)) open = false;
    }
    const signals = {
      openRepair: open,
      window: {
        positive: inWindow.filter((e) => isPositive(e.kind as InteractionKind)).length,
        corrections: inWindow.filter((e) => e.kind === 'correction').length,
      },
      conflictHistory: conflict.has(studentId),
      interactionsThisTerm: before.filter(
        (e) => e.kind !== 'incident' && e.kind !== REPAIR_NOT_NEEDED,
      ).length,
    };
    const suggestion = suggestStage(signals);
    const stage = chosen ?? suggestion.stage;
    stages.push({
      district_id: d,
      id: r.uuid(),
      teacher_id: teacherId,
      student_id: studentId,
      stage,
      suggested_stage: suggestion.stage,
      suggested_reason: explainStage(suggestion, signals, 'en'),
      decision: stage === suggestion.stage ? 'accepted' : 'overridden',
      set_at: at,
    });
  };
  stageAt(pastPlanStudent!, pastDays[0]!, 'pre_establish');
  stageAt(pastPlanStudent!, addDays(pastDays[PLAN_SCHOOL_DAYS - 1]!, 1));
  stageAt(planStudent!, runningDays[0]!, 'pre_establish');
  stageAt(incidentA!, schoolDays[n - 11]!);
  stageAt(incidentB!, schoolDays[n - 25] ?? schoolDays[n - 1]!);
  stageAt(steadyA!, schoolDays[n - 8]!);
  stageAt(steadyB!, schoolDays[n - 3]!, 'maintain');

  const mine: Database['interactions'][] = moments
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((m) => ({
      district_id: d,
      id: r.uuid(),
      client_id: r.uuid(),
      author_account_id: authorId,
      teacher_id: teacherId,
      student_id: m.studentId,
      class_id: m.classId,
      kind: m.kind,
      tag: null,
      note: null,
      occurred_at: m.at,
      created_at: m.at,
      undone_at: null,
    }));
  return {
    interactions: [...data.interactions.filter((i) => i.teacher_id !== teacherId), ...mine],
    plans,
    dyadStages: stages,
    dyadFlags: flags,
    incidents,
    incidentExplanations: explanations,
    repairClosures: closures,
  };
}
