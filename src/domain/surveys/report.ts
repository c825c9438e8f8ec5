// The published results of one administration in one school: every group a report can show
// (the school, its grades, its teachers, their classes, and for linked administrations the
// values of each roster demographic), with the figures of each scale and item where the group
// may be shown (publication.ts) and the reason where it may not. Built from the data alone, the
// same for every viewer; a viewer's report is a selection of these groups.
import { meanChange, summarize } from '../stats/change.js';
import { figuresOfRows, type ItemFigures, type ScaleFigures } from './figures.js';
import { publishGroups, type Hidden } from './publication.js';
import { keyedRow, respondentScaleScore, type Answers, type Scale } from './scoring.js';

export type GroupKind = 'school' | 'grade' | 'teacher' | 'class' | 'demographic';

export interface ReportResponse {
  answers: Answers;
  /** The class the response was given in, when the administration targets classes. */
  classId: string | null;
  /** The teacher the response counts for (the class's teacher), when there is one. */
  teacherId: string | null;
  grade: string | null;
  /**
   * Only for linked (confidential) administrations: the respondent's roster demographics,
   * attribute → value. Anonymous responses carry none, so they have no demographic breakdown.
   */
  demographics?: ReadonlyMap<string, string> | null;
}

export interface ReportInput {
  schoolId: string;
  scales: readonly Scale[];
  responses: readonly ReportResponse[];
  /** Students invited (participation counts) per group key (groupKey()); absent → no rate. */
  invited: ReadonlyMap<string, number>;
  minimum: number;
}

export interface GroupRef {
  kind: GroupKind;
  /** The class, teacher or school id; the grade; `attribute=value` for a demographic. */
  id: string;
}

export function groupKey(kind: GroupKind, id: string): string {
  return `${kind}:${id}`;
}

export type ItemResult =
  ({ shown: true } & ItemFigures) | { shown: false; key: string; hidden: Hidden };

export type ScaleResult =
  | ({ shown: true } & Omit<ScaleFigures, 'items'> & { items: ItemResult[] })
  | { shown: false; key: string; hidden: Hidden };

export interface GroupReport extends GroupRef {
  key: string;
  /** Responses in the group, when it may be shown. */
  responses: { shown: true; n: number } | { shown: false; hidden: Hidden };
  invited: number | null;
  /** n ÷ invited, when both are known and the group is shown. */
  responseRate: number | null;
  scales: ScaleResult[];
}

export interface PublishedReport {
  minimum: number;
  groups: Map<string, GroupReport>;
  /** The respondents' scale scores of a shown group (for change between waves), else null. */
  scores(key: string, scaleKey: string): number[] | null;
}

interface Group extends GroupRef {
  key: string;
  family: string;
  members: number[];
}

/** The groups of one school: the school, its grades, teachers, classes and demographic values. */
function groupsOf(input: ReportInput): Group[] {
  const byKey = new Map<string, Group>();
  const add = (kind: GroupKind, id: string, family: string, member: number) => {
    const key = groupKey(kind, id);
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { kind, id, key, family, members: [] }));
    g.members.push(member);
  };
  input.responses.forEach((r, i) => {
    add('school', input.schoolId, 'school', i);
    if (r.grade !== null) add('grade', r.grade, 'grade', i);
    if (r.classId !== null) add('class', r.classId, 'class', i);
    if (r.teacherId !== null) add('teacher', r.teacherId, 'teacher', i);
    for (const [attribute, value] of r.demographics ?? [])
      add('demographic', `${attribute}=${value}`, `demographic:${attribute}`, i);
  });
  return [...byKey.values()];
}

/**
 * The groups whose scales carry Cronbach's alpha: the school and its large subgroups. A class's
 * alpha over a handful of students has an interval too wide to read, and costs most of the time.
 */
const ALPHA_KINDS = new Set<GroupKind>(['school', 'grade', 'teacher']);

/** Publishes every group of one administration in one school. */
export function publishReport(input: ReportInput): PublishedReport {
  const groups = groupsOf(input);
  const N = input.responses.length;
  const publish = (included: Uint8Array | null) =>
    publishGroups(
      groups.map((g) => {
        if (!included) return { key: g.key, family: g.family, members: g.members };
        const members: number[] = [];
        for (const i of g.members) if (included[i] === 1) members.push(i);
        return { key: g.key, family: g.family, members };
      }),
      input.minimum,
    );
  const answers = input.responses.map((r) => r.answers);
  const responsesShown = publish(null);

  // Each respondent's score and keyed row per scale, once.
  const scoreOf = input.scales.map((s) => answers.map((a) => respondentScaleScore(a, s)));
  const rowOf = input.scales.map((s, si) =>
    answers.map((a, i) => (scoreOf[si]![i] === null ? null : keyedRow(a, s))),
  );
  const scaleMask = input.scales.map((_, si) => {
    const m = new Uint8Array(N);
    for (let i = 0; i < N; i++) m[i] = scoreOf[si]![i] === null ? 0 : 1;
    return m;
  });
  const scaleShown = scaleMask.map((m) => publish(m));
  const itemShown = input.scales.map((s, si) =>
    s.items.map((_, j) => {
      const m = new Uint8Array(N);
      for (let i = 0; i < N; i++) m[i] = rowOf[si]![i]?.[j] != null ? 1 : 0;
      return publish(m);
    }),
  );

  const out = new Map<string, GroupReport>();
  for (const g of groups) {
    const hiddenResponses = responsesShown.get(g.key)!;
    const invited = input.invited.get(g.key) ?? null;
    const scales = input.scales.map((s, si): ScaleResult => {
      const hidden = scaleShown[si]!.get(g.key)!;
      if (hidden !== null) return { shown: false, key: s.key, hidden };
      const rows: Array<ReadonlyArray<number | null>> = [];
      const scores: number[] = [];
      for (const i of g.members) {
        const row = rowOf[si]![i];
        if (!row) continue;
        rows.push(row);
        scores.push(scoreOf[si]![i]!);
      }
      const figures = figuresOfRows(s, rows, scores, ALPHA_KINDS.has(g.kind));
      return {
        shown: true,
        ...figures,
        items: figures.items.map((it, j): ItemResult => {
          const h = itemShown[si]![j]!.get(g.key)!;
          return h === null ? { shown: true, ...it } : { shown: false, key: it.key, hidden: h };
        }),
      };
    });
    out.set(g.key, {
      kind: g.kind,
      id: g.id,
      key: g.key,
      responses:
        hiddenResponses === null
          ? { shown: true, n: g.members.length }
          : { shown: false, hidden: hiddenResponses },
      invited,
      responseRate:
        hiddenResponses === null && invited !== null && invited > 0
          ? g.members.length / invited
          : null,
      scales,
    });
  }
  const memberIndex = new Map(groups.map((g) => [g.key, g.members]));
  return {
    minimum: input.minimum,
    groups: out,
    scores(key, scaleKey) {
      const si = input.scales.findIndex((s) => s.key === scaleKey);
      const members = memberIndex.get(key);
      if (si < 0 || !members || scaleShown[si]!.get(key) !== null) return null;
      return members.map((i) => scoreOf[si]![i]!).filter((v): v is number => v !== null);
    },
  };
}

export interface WaveChange {
  /** After minus before, in scale points. */
  difference: number;
  ci95: [number, number];
  df: number;
  before: { n: number; mean: number };
  after: { n: number; mean: number };
}

/**
 * Change of a group's scale score from one wave's administration to the next (same instrument,
 * same group), with Welch's 95% interval: anonymous respondents cannot be paired across waves, so
 * the two waves are treated as independent samples. Null unless the group is shown in both.
 */
export function waveChange(
  before: PublishedReport,
  after: PublishedReport,
  key: string,
  scaleKey: string,
): WaveChange | null {
  const a = before.scores(key, scaleKey);
  const b = after.scores(key, scaleKey);
  if (!a || !b || a.length < 2 || b.length < 2) return null;
  const sa = summarize(a);
  const sb = summarize(b);
  const c = meanChange(sa, sb);
  if (!c) return null;
  return {
    difference: c.difference,
    ci95: c.ci95,
    df: c.df,
    before: { n: sa.n, mean: sa.mean },
    after: { n: sb.n, mean: sb.mean },
  };
}
