// The outbox: POST requests kept on the device (outbox-store.ts) while the server cannot be
// reached, and sent later in the order they were made. It is the web app's one path for
// recording something that happened (`sendOrKeep`): a moment (POST /api/interactions, from the
// class view, a student's page or the home page) and a hard moment (POST /api/incidents). Only
// requests the server applies once per client id belong here: a request sent twice, because
// an answer was lost or two tabs raced, is then a harmless no-op, so "at least once" is enough
// and nothing is ever dropped for a network error. Choices that depend on what the server
// holds now (starting a plan, setting a stage) are not logs and go straight to the API.
//
// When to send: at start, on the browser's `online` event, when the signed-in account changes,
// and every RETRY_MS while anything waits. One tab sends at a time (a Web Lock, or a lease in
// localStorage where Web Locks are missing); the others learn of changes over a
// BroadcastChannel.
import { useSyncExternalStore } from 'react';
import { ApiError, api } from './api-client.js';
import { newClientId } from './client-id.js';
import { openOutboxStore, type OutboxItem, type OutboxStore } from './outbox-store.js';

export type { OutboxItem } from './outbox-store.js';

const RETRY_MS = 15_000;
const LOCK = 'rapport-outbox-send';
const LEASE_KEY = 'rapport.outbox.lease';
const LEASE_MS = 30_000;
/** How long a sent item is still reported (see `sent` below). */
const SENT_MEMORY_MS = 60_000;

/** A queued request the server refused (4xx): removed, and reported once. */
export interface Refusal {
  item: OutboxItem;
  message: string;
}

export interface OutboxState {
  /** False until the device's outbox has been read. */
  ready: boolean;
  /** The signed-in account's waiting requests, in sending order. */
  items: readonly OutboxItem[];
  /** Recently sent requests and when (Date.now()); a page showing data fetched before that
   * moment still counts them, since its data cannot include them yet. */
  sent: readonly { item: OutboxItem; at: number }[];
  /** Requests the server refused, until dismissed. */
  refusals: readonly Refusal[];
  /** Nobody is signed in (the session ended or the person signed out) while the last
   * account's requests wait: how many. */
  waitingForSignIn: number;
}

/** What the app supplies so the outbox can send (see app/outbox-sync.tsx). */
export interface OutboxHooks {
  /** Refreshes the session (and its CSRF token) just before sending; resolves to the
   * signed-in account's id, or null when nobody is signed in. Rejects when unreachable. */
  checkSession(): Promise<string | null>;
  /** The server answered 401: the session ended. */
  onSignedOut(): void;
  /** After a round that sent or refused something: refetch what it changed. */
  onSettled(): void;
}

// ---------------------------------------------------------------------------------------------
// State

let storeOpening: Promise<OutboxStore> | null = null;
let all: OutboxItem[] = []; // every account's items
let ready = false;
let owner: string | null = null;
let sent: { item: OutboxItem; at: number }[] = [];
let refusals: Refusal[] = [];
let waitingForSignIn = 0;
let lastSeq = 0;
let state: OutboxState = { ready, items: [], sent, refusals, waitingForSignIn };
const listeners = new Set<() => void>();
const tabId = newClientId();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(LOCK) : null;

function store(): Promise<OutboxStore> {
  storeOpening ??= openOutboxStore();
  return storeOpening;
}

function publish(): void {
  const now = Date.now();
  sent = sent.filter((s) => now - s.at < SENT_MEMORY_MS);
  state = {
    ready,
    items: all.filter((i) => i.ownerId === owner),
    sent,
    refusals,
    waitingForSignIn,
  };
  for (const listener of listeners) listener();
}

async function reload(): Promise<void> {
  all = await (await store()).all();
  ready = true;
  publish();
}

function changed(): void {
  publish();
  channel?.postMessage('changed');
}

channel?.addEventListener('message', () => void reload());

/** Subscribes to changes of `getOutboxState()`; the first subscriber loads the outbox. */
export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  if (!ready) void reload();
  return () => listeners.delete(listener);
}

export function getOutboxState(): OutboxState {
  return state;
}

/** The outbox as React state. */
export function useOutbox(): OutboxState {
  return useSyncExternalStore(subscribeOutbox, getOutboxState);
}

/** Who is signed in: their items are shown and sent; others' wait for them. */
export function setOutboxOwner(accountId: string | null): void {
  if (accountId === owner) return;
  if (accountId === null) waitingForSignIn = all.filter((i) => i.ownerId === owner).length;
  else waitingForSignIn = 0;
  owner = accountId;
  publish();
  if (accountId !== null) void syncOutbox();
}

/** Whether a failed request is worth keeping to send later: the network or the server failed,
 * the server asked to slow down, or the session ended (it is sent after the next sign-in). */
export function isWorthKeeping(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.retryable || [401, 408, 429].includes(error.status);
}

// ---------------------------------------------------------------------------------------------
// Queueing and discarding

/** Keeps a request on the device until it can be sent; resolves once it is stored durably. */
export async function enqueue(request: { id: string; path: string; body: unknown }): Promise<void> {
  if (owner === null) throw new Error('Nobody is signed in, so there is nobody to send this for.');
  const s = await store();
  if (!ready) await reload();
  if (all.some((i) => i.id === request.id)) return; // a retry of a request already waiting
  lastSeq = Math.max(Date.now(), lastSeq + 1);
  const item: OutboxItem = {
    ...request,
    ownerId: owner,
    queuedAt: new Date().toISOString(),
    seq: lastSeq,
  };
  await s.put(item);
  all = [...all, item];
  changed();
  scheduleRetry();
}

/** How a log went: the server has it (`sent`, with its answer), or it waits on this device. */
export type LogResult<T> = { status: 'sent'; response: T } | { status: 'queued' };

/** A request that records something that happened, applied once per client id (`id`). */
export interface LogRequest {
  id: string;
  path: string;
  body: unknown;
  /** The body to keep when it cannot be sent now, when it differs: dated to the tap, since it
   * may reach the server hours later (online, the server's clock dates it). */
  keptBody?: unknown;
}

/**
 * Sends a log now, or keeps it in the outbox to send later. Offline, it is kept without trying
 * ('queued'). Online, a failure of the network or the server keeps it too and is still thrown,
 * so the teacher hears of a problem they did not expect; the kept copy means walking away loses
 * nothing, and its client id means a "Try again" cannot log it twice. A refusal (4xx) is thrown
 * and nothing is kept.
 */
export async function sendOrKeep<T>(request: LogRequest): Promise<LogResult<T>> {
  const keep = () =>
    enqueue({ id: request.id, path: request.path, body: request.keptBody ?? request.body });
  if (!navigator.onLine) {
    await keep();
    return { status: 'queued' };
  }
  let response: T;
  try {
    response = await api.post<T>(request.path, request.body);
  } catch (error) {
    if (isWorthKeeping(error)) await keep();
    throw error;
  }
  await forget(request.id); // a copy kept by an earlier failed try is done
  return { status: 'sent', response };
}

/**
 * Removes a waiting request before it is sent (the teacher undid it). Waits for a send in
 * progress to finish first, so the answer is certain: true when it was removed unsent, false
 * when it is not waiting (it was sent, or never queued), and the server must undo it.
 */
export async function discard(id: string): Promise<boolean> {
  const s = await store();
  const removed = await withSendLock(true, async () => {
    const items = await s.all();
    const found = items.some((i) => i.id === id);
    if (found) await s.delete(id);
    all = items.filter((i) => i.id !== id);
    ready = true;
    return found;
  });
  changed();
  return removed ?? false;
}

/** Forgets a waiting copy of a request that has just been sent another way ("Try again"). */
export async function forget(id: string): Promise<void> {
  const item = all.find((i) => i.id === id);
  if (!item) return;
  await (await store()).delete(id);
  all = all.filter((i) => i.id !== id);
  sent = [...sent, { item, at: Date.now() }];
  changed();
}

/** Stops reporting a refusal (its alert was dismissed). */
export function dismissRefusal(id: string): void {
  refusals = refusals.filter((r) => r.item.id !== id);
  publish();
}

// ---------------------------------------------------------------------------------------------
// Sending

let hooks: OutboxHooks | null = null;
let running: Promise<void> | null = null;
let again = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Starts sending (now, when the browser comes online, and on a timer); returns a stop function. */
export function startOutboxSync(appHooks: OutboxHooks): () => void {
  hooks = appHooks;
  const onOnline = () => void syncOutbox();
  window.addEventListener('online', onOnline);
  void reload().then(syncOutbox);
  return () => {
    hooks = null;
    window.removeEventListener('online', onOnline);
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };
}

/** Sends what waits, unless a round is already running (then one more round follows it). */
export function syncOutbox(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = sendRound().finally(() => {
    running = null;
    if (again) {
      again = false;
      void syncOutbox();
    } else {
      scheduleRetry();
    }
  });
  return running;
}

function scheduleRetry(): void {
  if (retryTimer || !hooks || !all.some((i) => i.ownerId === owner)) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void syncOutbox();
  }, RETRY_MS);
}

async function sendRound(): Promise<void> {
  const app = hooks;
  const me = owner;
  // navigator.onLine false is reliable (true is not): no request could succeed.
  if (!app || !navigator.onLine || me === null) return;
  if (!all.some((i) => i.ownerId === me)) return;
  const s = await store();
  let settled = false;
  await withSendLock(false, async () => {
    // Read again under the lock: another tab may have sent or queued meanwhile.
    all = await s.all();
    if (!all.some((i) => i.ownerId === me)) return publish();
    let account: string | null;
    try {
      account = await app.checkSession();
    } catch {
      return; // unreachable after all: the next round tries again
    }
    if (account === null) return signedOut(app, me);
    for (const item of all.filter((i) => i.ownerId === account)) {
      try {
        await api.post(item.path, item.body);
        sent = [...sent, { item, at: Date.now() }];
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return signedOut(app, account);
        if (isWorthKeeping(error) || !(error instanceof ApiError)) return; // in order: stop here
        refusals = [...refusals, { item, message: error.message }];
      }
      // Sent or refused: either way it leaves the outbox (a crash before this line only means
      // it is sent again, which the client id makes a no-op).
      await s.delete(item.id);
      all = all.filter((i) => i.id !== item.id);
      settled = true;
      changed();
    }
  });
  if (settled) app.onSettled();
}

function signedOut(app: OutboxHooks, account: string): void {
  waitingForSignIn = all.filter((i) => i.ownerId === account).length;
  publish();
  app.onSignedOut();
}

/**
 * Runs `fn` while no other tab (or round in this tab) is sending. `wait` false gives up at once
 * when the lock is taken (another tab is sending; resolves to undefined).
 */
async function withSendLock<T>(wait: boolean, fn: () => Promise<T>): Promise<T | undefined> {
  if ('locks' in navigator && navigator.locks) {
    return navigator.locks.request(LOCK, { ifAvailable: !wait }, (lock) =>
      lock ? fn() : undefined,
    );
  }
  // No Web Locks (an insecure context): a lease in localStorage. Two tabs may still both take
  // it in a race; the client ids make the duplicate sends harmless.
  if (wait) {
    await running?.catch(() => undefined);
    return fn();
  }
  if (!takeLease()) return undefined;
  try {
    return await fn();
  } finally {
    releaseLease();
  }
}

function takeLease(): boolean {
  try {
    const raw = localStorage.getItem(LEASE_KEY);
    const lease = raw ? (JSON.parse(raw) as { tab: string; until: number }) : null;
    if (lease && lease.tab !== tabId && lease.until > Date.now()) return false;
    localStorage.setItem(LEASE_KEY, JSON.stringify({ tab: tabId, until: Date.now() + LEASE_MS }));
    return true;
  } catch {
    return true; // no storage: send anyway
  }
}

function releaseLease(): void {
  try {
    const raw = localStorage.getItem(LEASE_KEY);
    if (raw && (JSON.parse(raw) as { tab: string }).tab === tabId)
      localStorage.removeItem(LEASE_KEY);
  } catch {
    // nothing to release
  }
}
