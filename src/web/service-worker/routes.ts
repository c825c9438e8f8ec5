// Which requests the service worker answers, and how. Pure, so it is unit-tested without a
// browser (routes.test.ts); sw.ts does the caching.

/**
 * How the service worker treats a request:
 * - `shell`: a page navigation; the network first, the cached app shell when offline.
 * - `api`: one of the few reads that let an open class view (and a reload of it) render
 *   offline; the network first, the last good answer when offline.
 * - `static`: a built asset; the copy cached at install, else the network.
 * - `forget-api`: signing in or out; goes to the network untouched, and the cached API answers
 *   (another person's, or this person's after they left) are dropped.
 * - `pass`: everything else, every other API call and every write, goes to the network untouched.
 */
export type Strategy = 'shell' | 'api' | 'static' | 'forget-api' | 'pass';

// Never more than these: a cached answer is a copy of someone's data on the device.
const CACHED_API_READS = [
  /^\/api\/auth\/session$/,
  /^\/api\/home\/teacher$/,
  /^\/api\/classes\/[^/]+$/,
];
const SESSION_CHANGES = ['/api/auth/sign-in', '/api/auth/sign-out'];

export function strategyFor(
  request: { method: string; url: string; mode: string },
  origin: string,
): Strategy {
  const url = new URL(request.url);
  if (url.origin !== origin) return 'pass';
  if (request.method !== 'GET') {
    return request.method === 'POST' && SESSION_CHANGES.includes(url.pathname)
      ? 'forget-api'
      : 'pass';
  }
  if (request.mode === 'navigate') return 'shell';
  if (url.pathname.startsWith('/api/')) {
    return CACHED_API_READS.some((re) => re.test(url.pathname)) ? 'api' : 'pass';
  }
  if (url.pathname === '/healthz' || url.pathname === '/sw.js') return 'pass';
  return 'static';
}

/** The caches of one build; `version` changes with every build's output. */
export function cacheNames(version: string) {
  return { shell: `rapport-shell-${version}`, api: `rapport-api-${version}` };
}

/** Caches this service worker owns that belong to another build, to delete on activation. */
export function staleCaches(existing: readonly string[], version: string): string[] {
  const current = Object.values(cacheNames(version));
  return existing.filter((name) => name.startsWith('rapport-') && !current.includes(name));
}
