// Registers the service worker (service-worker/sw.ts, built to /sw.js) that keeps the class view
// usable offline. Production builds only: the dev server has no /sw.js, and a worker caching
// the dev server's modules would serve stale code. Browsers give service workers only to secure
// contexts (HTTPS, localhost, 127.0.0.1); elsewhere the app simply works online only, and the
// outbox (lib/outbox.ts) still keeps logs made during a network failure.

/** Registers /sw.js once the page has loaded, when the browser supports it. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      // Offline support is an addition: the app works without it.
      console.warn('The service worker could not be registered.', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Whether a service worker answers this page's requests (and so caches its reads). */
export function isServiceWorkerControlled(): boolean {
  return 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
}

/** Calls `listener` when a service worker takes control of this page; returns an unsubscribe. */
export function onServiceWorkerControl(listener: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => {};
  navigator.serviceWorker.addEventListener('controllerchange', listener);
  return () => navigator.serviceWorker.removeEventListener('controllerchange', listener);
}
