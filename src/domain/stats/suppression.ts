// Small-group suppression (PRODUCT.md, privacy): a figure about fewer students than the minimum
// is never shown, nor left recoverable by subtracting the shown figures from a shown total.

/** The minimum group size when a district configures none. */
export const DEFAULT_MINIMUM_GROUP_SIZE = 5;
/** No district may configure a smaller minimum. */
export const SMALLEST_MINIMUM_GROUP_SIZE = 3;

/** The minimum group size in force: the configured one, or the default when none is set. */
export function minimumGroupSize(configured?: number | null): number {
  if (configured === undefined || configured === null) return DEFAULT_MINIMUM_GROUP_SIZE;
  if (!Number.isInteger(configured) || configured < SMALLEST_MINIMUM_GROUP_SIZE)
    throw new RangeError(
      `minimum group size must be a whole number of at least ${SMALLEST_MINIMUM_GROUP_SIZE}, got ${configured}`,
    );
  return configured;
}

/** Why a cell is hidden: too few members itself, or hidden to protect a small cell. */
export type SuppressionReason = 'small' | 'complementary';

export interface Cell<K extends string> {
  key: K;
  n: number;
}

/**
 * Decides which cells of a partition to hide. `cells` split one population (every member in
 * exactly one cell); `totalShown` (default true) says whether that population's total is shown
 * beside them. Returns, for every key, null (show) or why it is hidden.
 *
 * - Primary: a cell with 0 < n < minimum is 'small'.
 * - Empty cells (n = 0) are always shown and never used as a complement: a group with no members
 *   discloses nothing about anyone, and hiding it would protect nothing, since a reader who knows
 *   the group is empty could still subtract.
 * - Complementary (only when the total is shown): while the hidden non-empty cells could be
 *   recovered by subtraction (exactly one of them, or their combined n below the minimum), the
 *   smallest shown non-empty cell is hidden too (ties: the key that sorts first by code unit).
 *   Every shown non-empty cell has n ≥ minimum, so at most one complementary cell is ever needed.
 * - A population whose total is below the minimum has only small cells: all are hidden, and the
 *   caller must not show that total either (check the total with the same minimum first).
 *
 * Throws a RangeError for a repeated key, an n that is not a whole number of 0 or more, or a
 * minimum below 1.
 */
export function suppressPartition<K extends string>(
  cells: readonly Cell<K>[],
  minimum: number,
  options?: { totalShown?: boolean },
): Map<K, SuppressionReason | null> {
  if (!Number.isInteger(minimum) || minimum < 1)
    throw new RangeError(`minimum must be a whole number of at least 1, got ${minimum}`);
  const result = new Map<K, SuppressionReason | null>();
  for (const cell of cells) {
    if (result.has(cell.key)) throw new RangeError(`cell ${cell.key}: the key appears twice`);
    if (!Number.isInteger(cell.n) || cell.n < 0)
      throw new RangeError(
        `cell ${cell.key}: n must be a whole number of 0 or more, got ${cell.n}`,
      );
    result.set(cell.key, cell.n > 0 && cell.n < minimum ? 'small' : null);
  }
  if (options?.totalShown === false) return result;

  // Shown non-empty cells, smallest first, ties by key: the order complements are taken in.
  const candidates = cells
    .filter((c) => c.n > 0 && result.get(c.key) === null)
    .sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let hiddenCount = 0;
  let hiddenSum = 0;
  for (const c of cells)
    if (result.get(c.key) === 'small') {
      hiddenCount++;
      hiddenSum += c.n;
    }
  for (const c of candidates) {
    if (hiddenCount === 0 || (hiddenCount >= 2 && hiddenSum >= minimum)) break;
    result.set(c.key, 'complementary');
    hiddenCount++;
    hiddenSum += c.n;
  }
  return result;
}

export interface NestedGroup<P extends string, C extends string> {
  key: P;
  n: number;
  /** A partition of this group: their n add up to its n. */
  children: readonly Cell<C>[];
}

export interface NestedSuppression<P extends string, C extends string> {
  parents: Map<P, SuppressionReason | null>;
  /** For each parent key, the decision for each of its children. */
  children: Map<P, Map<C, SuppressionReason | null>>;
}

/**
 * Suppression over two levels, e.g. a school's classes within its grades, or a teacher's classes
 * and the students in each by group: parents partition the population (whose total is shown when
 * `totalShown`, default true), and each parent's children partition that parent.
 *
 * The parent level is suppressed as one partition. A shown parent's total is on the page, so its
 * children are suppressed as a partition with a shown total: no hidden child can be found by
 * subtracting its shown siblings from the parent. A hidden parent hides all its non-empty
 * children (each 'small' when it is, 'complementary' otherwise), since shown children would add
 * up to the hidden parent.
 *
 * Throws a RangeError when a parent's children do not add up to its n, and as suppressPartition.
 */
export function suppressNested<P extends string, C extends string>(
  parents: readonly NestedGroup<P, C>[],
  minimum: number,
  options?: { totalShown?: boolean },
): NestedSuppression<P, C> {
  const parentDecisions = suppressPartition(parents, minimum, options);
  const children = new Map<P, Map<C, SuppressionReason | null>>();
  for (const parent of parents) {
    const sum = parent.children.reduce((s, c) => s + c.n, 0);
    if (sum !== parent.n)
      throw new RangeError(
        `group ${parent.key}: its parts add up to ${sum}, not to its size ${parent.n}`,
      );
    const own = suppressPartition(parent.children, minimum);
    if (parentDecisions.get(parent.key) !== null)
      for (const child of parent.children)
        if (child.n > 0 && own.get(child.key) === null) own.set(child.key, 'complementary');
    children.set(parent.key, own);
  }
  return { parents: parentDecisions, children };
}
