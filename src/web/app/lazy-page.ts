import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on first use, in its own chunk, so the first load carries only the app's frame
 * (decision 020): `const RosterPage = lazyPage(() => import('…/roster-page.js'), 'RosterPage')`.
 * The layout's <Suspense> shows "Loading…" while the chunk arrives. The page keeps its props' type.
 */
export function lazyPage<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- React's own bound on lazy()
  M extends Record<K, ComponentType<any>>,
  K extends keyof M,
>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
