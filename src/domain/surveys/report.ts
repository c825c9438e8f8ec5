// The published results of one administration in one school: every group a report can show
// (the school, its grades, its teachers, their classes, and for linked administrations the
// values of each roster demographic), with the figures of each scale and item where the group
// may be shown (publication.ts) and the reason where it may not. Built from the data alone, the
// same for every viewer; a viewer's report is a selection of these groups.
import { meanChange, summarize } from '../stats/change.js';
import { addAlphaRow, alphaFromSums, alphaSums } from '../stats/reliability.js';
import type { ItemFigures, ScaleFigures } from './figures.js';
import { publishMasked, type Hidden } from './publication.js';
import {
  POINTS,
  isFavourable,
  keyedValue,
  minimumAnswered,
  type Answers,
  type Scale,
} from './scoring.js';

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
  const G = groups.length;
  const N = input.responses.length;
  const S = input.scales.length;

  // Each respondent's keyed answers per scale (0 where skipped, or where the respondent has no
  // score on the scale) and score, once, in typed arrays (respondent × item).
  const keyed = input.scales.map((s) => new Int8Array(N * s.items.length));
  const scored = input.scales.map(() => new Uint8Array(N));
  const scoreOf = input.scales.map(() => new Float64Array(N));
  input.responses.forEach((r, i) => {
    input.scales.forEach((s, si) => {
      const k = s.items.length;
      let sum = 0;
      let answered = 0;
      for (let j = 0; j < k; j++) {
        const item = s.items[j]!;
        const v = r.answers.get(item.key);
        if (v === undefined) continue;
        const kv = keyedValue(v, item.reverse);
        keyed[si]![i * k + j] = kv;
        sum += kv;
        answered++;
      }
      if (answered === 0 || answered < minimumAnswered(k)) {
        keyed[si]!.fill(0, i * k, i * k + k);
        return;
      }
      scored[si]![i] = 1;
      scoreOf[si]![i] = sum / answered;
    });
  });

  // Who counts for each measure: the responses, each scale, each of its items.
  const itemMasks = input.scales.map((s, si) =>
    s.items.map((_, j) => {
      const k = s.items.length;
      const m = new Uint8Array(N);
      for (let i = 0; i < N; i++) m[i] = keyed[si]![i * k + j] !== 0 ? 1 : 0;
      return m;
    }),
  );
  // An item's respondents are within its scale's: counted from the scale's by their skips.
  const within = [
    -1,
    ...scored.map(() => -1),
    ...itemMasks.flatMap((m, si) => m.map(() => 1 + si)),
  ];
  const shown = publishMasked(
    groups,
    [null, ...scored, ...itemMasks.flat()],
    input.minimum,
    within,
  );
  const responsesShown = shown[0]!;
  const scaleShown = shown.slice(1, 1 + S);
  const itemShown: Array<Array<Map<string, Hidden | null>>> = [];
  let next = 1 + S;
  for (const s of input.scales) {
    itemShown.push(shown.slice(next, next + s.items.length));
    next += s.items.length;
  }

  // Every group's figures in one pass per scale over the respondents (running sums).
  const firstGroup = new Int32Array(N + 1);
  for (const g of groups) for (const i of g.members) firstGroup[i + 1]!++;
  for (let i = 0; i < N; i++) firstGroup[i + 1]! += firstGroup[i]!;
  const groupList = new Int32Array(firstGroup[N]!);
  const fill = firstGroup.slice(0, N);
  groups.forEach((g, gi) => {
    for (const i of g.members) groupList[fill[i]!++] = gi;
  });
  const withAlpha = groups.map((g) => ALPHA_KINDS.has(g.kind));
  const figures = input.scales.map((s, si) => {
    const k = s.items.length;
    const end = s.favourable ?? 'high';
    const reverse = s.items.map((it) => it.reverse);
    const n = new Float64Array(G);
    const mean = new Float64Array(G);
    const m2 = new Float64Array(G);
    const answers = new Float64Array(G);
    const favourable = new Float64Array(G);
    const distribution = new Float64Array(G * POINTS);
    const itemN = new Float64Array(G * k);
    const itemSum = new Float64Array(G * k);
    const itemFavourable = new Float64Array(G * k);
    const itemDistribution = new Float64Array(G * k * POINTS);
    const alpha = withAlpha.map((w) => (w ? alphaSums(k) : null));
    const row = keyed[si]!;
    const isScored = scored[si]!;
    const scores = scoreOf[si]!;
    for (let i = 0; i < N; i++) {
      if (isScored[i] !== 1) continue;
      const score = scores[i]!;
      for (let x = firstGroup[i]!; x < firstGroup[i + 1]!; x++) {
        const gi = groupList[x]!;
        // Welford, in respondent order: as summarize() over the group's scores.
        const count = ++n[gi]!;
        const delta = score - mean[gi]!;
        mean[gi]! += delta / count;
        m2[gi]! += delta * (score - mean[gi]!);
        for (let j = 0; j < k; j++) {
          const v = row[i * k + j]!;
          if (v === 0) continue;
          const fav = isFavourable(v, end) ? 1 : 0;
          distribution[gi * POINTS + v - 1]!++;
          answers[gi]!++;
          favourable[gi]! += fav;
          const c = gi * k + j;
          itemN[c]!++;
          itemSum[c]! += v;
          itemFavourable[c]! += fav;
          itemDistribution[c * POINTS + (reverse[j] ? POINTS - v : v - 1)]!++;
        }
        const a = alpha[gi];
        if (a) addAlphaRow(a, row, i * k, 0);
      }
    }
    return groups.map((_, gi): ScaleFigures => {
      const a = alpha[gi];
      const count = n[gi]!;
      return {
        key: s.key,
        n: count,
        score: count > 0 ? mean[gi]! : null,
        sd: count > 1 ? Math.sqrt(m2[gi]! / (count - 1)) : null,
        favourable: answers[gi]! > 0 ? favourable[gi]! / answers[gi]! : null,
        distribution: Array.from(distribution.subarray(gi * POINTS, gi * POINTS + POINTS)),
        alpha: a
          ? { pairwise: alphaFromSums(a, 'pairwise'), listwise: alphaFromSums(a, 'listwise') }
          : { pairwise: null, listwise: null },
        items: s.items.map((item, j) => {
          const c = gi * k + j;
          const m = itemN[c]!;
          return {
            key: item.key,
            reverse: item.reverse,
            n: m,
            mean: m > 0 ? itemSum[c]! / m : null,
            favourable: m > 0 ? itemFavourable[c]! / m : null,
            distribution: Array.from(itemDistribution.subarray(c * POINTS, c * POINTS + POINTS)),
          };
        }),
      };
    });
  });

  const out = new Map<string, GroupReport>();
  groups.forEach((g, gi) => {
    const hiddenResponses = responsesShown.get(g.key)!;
    const invited = input.invited.get(g.key) ?? null;
    const scales = input.scales.map((s, si): ScaleResult => {
      const hidden = scaleShown[si]!.get(g.key)!;
      if (hidden !== null) return { shown: false, key: s.key, hidden };
      const f = figures[si]![gi]!;
      return {
        shown: true,
        ...f,
        items: f.items.map((it, j): ItemResult => {
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
  });
  const memberIndex = new Map(groups.map((g) => [g.key, g.members]));
  return {
    minimum: input.minimum,
    groups: out,
    scores(key, scaleKey) {
      const si = input.scales.findIndex((s) => s.key === scaleKey);
      const members = memberIndex.get(key);
      if (si < 0 || !members || scaleShown[si]!.get(key) !== null) return null;
      const out: number[] = [];
      for (const i of members) if (scored[si]![i] === 1) out.push(scoreOf[si]![i]!);
      return out;
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
