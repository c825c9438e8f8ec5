// What someone who sees several published groups can subtract: for every pair of shown groups,
// both differences; for every shown group P and family F, P minus all shown groups of F inside
// it. A privacy test asserts none of these sets holds 1..minimum−1 respondents.
export interface KnownGroup {
  key: string;
  family: string;
  members: readonly (number | string)[];
}

export function attackableSizes(visible: readonly KnownGroup[]): number[] {
  const sizes: number[] = [];
  const sets = new Map(visible.map((g) => [g.key, new Set(g.members)]));
  for (const g of visible) sizes.push(g.members.length);
  for (const a of visible)
    for (const b of visible) {
      if (a === b) continue;
      const sb = sets.get(b.key)!;
      sizes.push(a.members.filter((m) => !sb.has(m)).length);
    }
  const families = new Set(visible.map((g) => g.family));
  for (const p of visible)
    for (const f of families) {
      const sp = sets.get(p.key)!;
      const inside = visible.filter(
        (g) => g.family === f && g !== p && g.members.every((m) => sp.has(m)),
      );
      const covered = new Set(inside.flatMap((g) => g.members));
      sizes.push(p.members.filter((m) => !covered.has(m)).length);
    }
  return sizes;
}
