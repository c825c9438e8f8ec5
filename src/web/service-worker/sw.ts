// The service worker, built to /sw.js (see vite.config.ts). It keeps the class view usable
// without a network: the app shell and its assets are cached at install, and the few reads an
// open class view needs are cached as they pass (network first). Writes are never touched: a
// log made offline waits in the page's outbox (lib/outbox.ts), not here.
//
// It is a classic script, not a module (module service workers are not supported everywhere),
// so it imports only what the bundler inlines and exports nothing.
import { cacheNames, staleCaches, strategyFor } from './routes.js';

// The service-worker types live in TypeScript's "webworker" lib, which cannot be combined with
// the "dom" lib the rest of the web app is checked with; these are the parts used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

/** Written into the built file by the build: a version that changes with every build's output,
 * and the app shell ("/" and every built asset). */
declare const __RAPPORT_SW_MANIFEST__: { version: string; shell: string[] };
const MANIFEST = __RAPPORT_SW_MANIFEST__;

const sw = self as unknown as ServiceWorkerScope;
const CACHES = cacheNames(MANIFEST.version);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHES.shell);
      // `reload`: the HTTP cache may hold an older index.html.
      await cache.addAll(MANIFEST.shell.map((url) => new Request(url, { cache: 'reload' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(
        staleCaches(await caches.keys(), MANIFEST.version).map((n) => caches.delete(n)),
      );
      // Control the page that registered this worker at once, so its reads are cached today,
      // not only after the next reload.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  switch (strategyFor(request, sw.location.origin)) {
    case 'shell':
      event.respondWith(shell(request));
      break;
    case 'api':
      event.respondWith(apiRead(request));
      break;
    case 'static':
      event.respondWith(staticAsset(request));
      break;
    case 'forget-api':
      event.waitUntil(forgetApiReads(++requestCount));
      break;
    case 'pass':
      break;
  }
});

async function shell(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.status < 500) return response;
    return (await cachedShell()) ?? response;
  } catch {
    return (await cachedShell()) ?? Response.error();
  }
}

function cachedShell(): Promise<Response | undefined> {
  return caches.match('/', { cacheName: CACHES.shell });
}

// The API cache is forgotten when the session changes (a sign-in or sign-out passes by, or a
// read answers 401). Requests are numbered as they start, and answers may arrive in any order:
// forgetting drops only answers to requests started before the change, and an answer to such a
// request that arrives later is not cached. Cache writes run one at a time, in arrival order.
// (The numbers live in memory: a restarted worker treats every cached answer as older.)
let requestCount = 0;
let forgottenBefore = 0;
const answeredBy = new Map<string, number>(); // url → number of the request whose answer is cached
let cacheWrites: Promise<unknown> = Promise.resolve();

function serially<T>(write: () => Promise<T>): Promise<T> {
  const done = cacheWrites.then(write);
  cacheWrites = done.catch(() => undefined);
  return done;
}

function forgetApiReads(before: number): Promise<void> {
  return serially(async () => {
    forgottenBefore = Math.max(forgottenBefore, before);
    const cache = await caches.open(CACHES.api);
    for (const request of await cache.keys()) {
      if ((answeredBy.get(request.url) ?? -1) < before) {
        answeredBy.delete(request.url);
        await cache.delete(request);
      }
    }
  });
}

async function apiRead(request: Request): Promise<Response> {
  const number = ++requestCount;
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    return (await caches.match(request, { cacheName: CACHES.api })) ?? Response.error();
  }
  if (response.status === 200) {
    const copy = response.clone();
    await serially(async () => {
      if (number < forgottenBefore) return;
      await (await caches.open(CACHES.api)).put(request, copy);
      answeredBy.set(request.url, number);
    });
  } else if (response.status === 401) {
    // The session had ended: nothing cached for it may be shown again.
    await forgetApiReads(number + 1);
  } else if (response.status === 403 || response.status === 404) {
    await serially(async () => (await caches.open(CACHES.api)).delete(request));
  } else if (response.status >= 500) {
    return (await caches.match(request, { cacheName: CACHES.api })) ?? response;
  }
  return response;
}

async function staticAsset(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: CACHES.shell })) ?? fetch(request);
}
