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
      event.waitUntil(caches.delete(CACHES.api));
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

async function apiRead(request: Request): Promise<Response> {
  const cache = await caches.open(CACHES.api);
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    return (await cache.match(request)) ?? Response.error();
  }
  if (response.status === 200) {
    await cache.put(request, response.clone());
  } else if (response.status === 401) {
    // The session ended: nothing cached for it may be shown again.
    await caches.delete(CACHES.api);
  } else if (response.status === 403 || response.status === 404) {
    await cache.delete(request);
  } else if (response.status >= 500) {
    return (await cache.match(request)) ?? response;
  }
  return response;
}

async function staticAsset(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: CACHES.shell })) ?? fetch(request);
}
