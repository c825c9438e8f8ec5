// Which groups of respondents a report may show, decided once per administration and measure
// from the data alone (never from who is looking), so that everything any viewer can see is a
// subset of one published table. The rules (docs/decisions/015-survey-reports.md):
//
// 1. size: a group is shown only when it holds at least `minimum` respondents;
// 2. partitions: when a shown parent (a school, a teacher) is split into children (its classes,
//    its grades, the values of a demographic), the respondents of the parent that are in no
//    shown child number 0 or at least `minimum` (complementary suppression);
// 3. overlaps: for any two shown groups A and B, A \ B and B \ A each number 0 or at least
//    `minimum`, so no difference of two shown figures is about fewer than `minimum` respondents.
//
// Rules 2 and 3 can each hide a group that the other then needs; the function hides until all
// three hold (hiding only ever removes groups, so it ends).
import { suppressPartition } from '../stats/suppression.js';

export type Hidden = 'small' | 'complementary' | 'overlap';

export interface GroupSpec {
  key: string;
  /**
   * The family the group belongs to (classes, grades, each demographic attribute): groups of one
   * family are disjoint. Groups of different families may nest or cross.
   */
  family: string;
  /** Indices of the respondents in the group (into one shared list), without repeats. */
  members: readonly number[];
}

/**
 * Status of each group: null when shown, else why it is hidden. Rule 2's partitions are found
 * from the data: for every group P and every other family F, the groups of F that lie inside P
 * partition P (the respondents of P in none of them are a remainder that is never shown).
 */
export function publishGroups(
  groups: readonly GroupSpec[],
  minimum: number,
): Map<string, Hidden | null> {
  return publishMasked(groups, [null], minimum)[0]!;
}

/**
 * publishGroups for several measures at once: for each mask (1 = the respondent counts for the
 * measure; null = every respondent), the status of each group over its members in the mask.
 * The same as publishGroups on the masked members, with the group structure built once.
 * `within[i]`, when given and ≥ 0, names an earlier mask that contains mask i (checked): its
 * counts are then derived from that one's by the respondents it leaves out.
 */
export function publishMasked(
  groups: readonly GroupSpec[],
  masks: ReadonlyArray<Uint8Array | null>,
  minimum: number,
  within?: readonly number[],
): Array<Map<string, Hidden | null>> {
  const G = groups.length;
  // Every respondent's groups (CSR) and every pair of groups that share a respondent, in
  // (lower, higher) order, with each respondent's pairs.
  let top = -1;
  for (const g of groups) for (const m of g.members) if (m > top) top = m;
  const R = top + 1;
  const groupCount = new Int32Array(R + 1);
  for (const g of groups) for (const m of g.members) groupCount[m + 1]!++;
  for (let r = 0; r < R; r++) groupCount[r + 1]! += groupCount[r]!;
  const groupList = new Int32Array(groupCount[R]!);
  const fill = groupCount.slice(0, R);
  groups.forEach((g, gi) => {
    for (const m of g.members) groupList[fill[m]!++] = gi;
  });
  const pairId = new Map<number, number>();
  const pairKeys: number[] = [];
  const firstPair = new Int32Array(R + 1);
  const pairList: number[] = [];
  for (let r = 0; r < R; r++) {
    for (let a = groupCount[r]!; a < groupCount[r + 1]!; a++)
      for (let b = a + 1; b < groupCount[r + 1]!; b++) {
        const x = groupList[a]!;
        const y = groupList[b]!;
        const key = Math.min(x, y) * G + Math.max(x, y);
        let id = pairId.get(key);
        if (id === undefined) {
          id = pairKeys.length;
          pairId.set(key, id);
          pairKeys.push(key);
        }
        pairList.push(id);
      }
    firstPair[r + 1] = pairList.length;
  }
  // Pairs in (lower, higher) order, as the rules below take them.
  const order = pairKeys.map((_, i) => i).sort((a, b) => pairKeys[a]! - pairKeys[b]!);
  const P = pairKeys.length;
  // Each mask's counts; a mask inside an earlier one (`within`) starts from that one's counts and
  // takes off the few respondents it leaves out (an item's skips within its scale).
  const counts: Array<{ size: Int32Array; overlap: Int32Array }> = [];
  return masks.map((mask, mi) => {
    const w = within?.[mi] ?? -1;
    if (w >= mi) throw new RangeError(`mask ${mi}: within must name an earlier mask, got ${w}`);
    const base = w >= 0 ? masks[w]! : null;
    const size = w >= 0 ? counts[w]!.size.slice() : new Int32Array(G);
    const overlap = w >= 0 ? counts[w]!.overlap.slice() : new Int32Array(P);
    const step = w >= 0 ? -1 : 1;
    for (let r = 0; r < R; r++) {
      const inMask = !mask || mask[r] === 1;
      if (w >= 0) {
        const inBase = !base || base[r] === 1;
        if (inMask && !inBase)
          throw new RangeError(`mask ${mi}: respondent ${r} is not in mask ${w}`);
        if (inMask || !inBase) continue;
      } else if (!inMask) continue;
      for (let a = groupCount[r]!; a < groupCount[r + 1]!; a++) size[groupList[a]!]! += step;
      for (let x = firstPair[r]!; x < firstPair[r + 1]!; x++) overlap[pairList[x]!]! += step;
    }
    counts.push({ size, overlap });
    const pairs: Array<[number, number, number]> = [];
    for (const id of order) {
      const o = overlap[id]!;
      if (o > 0) pairs.push([Math.floor(pairKeys[id]! / G), pairKeys[id]! % G, o]);
    }
    return decide(groups, Array.from(size), pairs, minimum);
  });
}

function decide(
  groups: readonly GroupSpec[],
  size: readonly number[],
  pairs: ReadonlyArray<readonly [number, number, number]>,
  minimum: number,
): Map<string, Hidden | null> {
  const status: Array<Hidden | null> = size.map((n) => (n < minimum ? 'small' : null));

  // The partitions: children of P in family F are F's groups wholly inside P.
  const parts = new Map<string, { parent: number; family: string; children: number[] }>();
  for (const [a, b, o] of pairs) {
    for (const [child, parent] of [
      [a, b],
      [b, a],
    ] as const) {
      if (o !== size[child] || size[parent]! <= size[child]!) continue;
      const family = groups[child]!.family;
      if (family === groups[parent]!.family) continue;
      const key = `${parent}|${family}`;
      const p = parts.get(key);
      if (p) p.children.push(child);
      else parts.set(key, { parent, family, children: [child] });
    }
  }
  const partitions = [...parts.values()].map((p) => ({
    ...p,
    remainder: size[p.parent]! - p.children.reduce((s, c) => s + size[c]!, 0),
  }));

  // Rule 2 first through the shared complementary suppression.
  for (const p of partitions) {
    if (status[p.parent] !== null) continue;
    const cells = p.children.map((c) => ({ key: String(c), n: size[c]! }));
    // The remainder is never shown: a cell that is hidden whatever its size.
    if (p.remainder > 0) cells.push({ key: 'remainder', n: p.remainder });
    const marks = suppressPartition(cells, minimum, { totalShown: true });
    for (const c of p.children) {
      const mark = marks.get(String(c));
      if (mark && status[c] === null) status[c] = mark;
    }
  }

  const risky = (d: number) => d > 0 && d < minimum;
  for (let changed = true; changed;) {
    changed = false;
    // Rule 2: the hidden part of a shown parent is 0 or at least the minimum.
    for (const p of partitions) {
      if (status[p.parent] !== null) continue;
      let hidden = p.remainder;
      for (const c of p.children) if (status[c] !== null) hidden += size[c]!;
      while (risky(hidden)) {
        const shown = p.children.filter((c) => status[c] === null);
        if (shown.length === 0) break;
        // Hide the smallest shown child: the least information lost.
        const next = shown.reduce((x, y) => (size[y]! < size[x]! ? y : x));
        status[next] = 'complementary';
        hidden += size[next]!;
        changed = true;
      }
    }
    // Rule 3: no two shown groups differ by a few respondents.
    for (const [a, b, o] of pairs) {
      if (status[a] !== null || status[b] !== null) continue;
      if (risky(size[a]! - o) || risky(size[b]! - o)) {
        // Hide the smaller of the two (the finer group); on a tie, the later one.
        status[size[a]! < size[b]! ? a : b] = 'overlap';
        changed = true;
      }
    }
  }
  return new Map(groups.map((g, i) => [g.key, status[i]!]));
}
