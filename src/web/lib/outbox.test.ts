// The outbox when the server's database is down: the API answers 503 (database_unavailable) and
// the queued log stays on the device, in order, until a later round gets it through; and the one
// logging path (sendOrKeep, lib/log-interactions.ts) that every page logs through: offline it
// keeps without trying, online it sends, keeps what the network or server failed to take, and
// keeps nothing the server refused; undo takes a waiting log off the device unsent. Runs in
// Node with the browser pieces the outbox touches stood in for (no IndexedDB: localStorage).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const storage = new Map<string, string>();
let answer: { status: number; body: unknown } = { status: 503, body: {} };
const posts: string[] = [];
/** Every POST: its path and body. */
const requests: { path: string; body: Record<string, unknown> }[] = [];
const nav = { onLine: true };

beforeAll(() => {
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
  vi.stubGlobal('navigator', nav);
  vi.stubGlobal('window', { addEventListener: () => {}, removeEventListener: () => {} });
  vi.stubGlobal('fetch', async (path: string, init: { method: string; body?: string }) => {
    if (init.method === 'POST') {
      const body = JSON.parse(init.body ?? '{}') as Record<string, unknown>;
      posts.push(body.clientId as string);
      requests.push({ path, body });
    }
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('outbox and a server whose database is down', () => {
  it('keeps a queued log through 503 answers and sends it once the server is back', async () => {
    const outbox = await import('./outbox.js');
    const settled = vi.fn();
    const stop = outbox.startOutboxSync({
      checkSession: async () => 'account-1',
      onSignedOut: () => {},
      onSettled: settled,
    });
    outbox.setOutboxOwner('account-1');
    answer = {
      status: 503,
      body: {
        error: {
          code: 'database_unavailable',
          message: 'Rapport cannot reach its database right now, so nothing was saved or loaded.',
        },
      },
    };
    const body = { clientId: 'queued-0001', kind: 'warm_moment', studentIds: ['s-1'] };
    await outbox.enqueue({ id: 'queued-0001', path: '/api/interactions', body });
    await outbox.syncOutbox();
    await outbox.syncOutbox();

    expect(posts.filter((p) => p === 'queued-0001').length).toBeGreaterThanOrEqual(2);
    const state = outbox.getOutboxState();
    expect(state.items.map((i) => i.id)).toEqual(['queued-0001']);
    expect(state.refusals).toEqual([]);
    // Still on the device, not only in memory.
    expect(JSON.stringify([...storage.values()])).toContain('queued-0001');
    expect(settled).not.toHaveBeenCalled();

    answer = { status: 201, body: { replayed: false, interactions: [] } };
    await outbox.syncOutbox();
    expect(outbox.getOutboxState().items).toEqual([]);
    expect(JSON.stringify([...storage.values()])).not.toContain('"queued-0001"');
    expect(settled).toHaveBeenCalledTimes(1);
    stop();
  });
});

const refused = {
  status: 400,
  body: { error: { code: 'validation', message: 'note: is required for a note', field: 'note' } },
};
const down = { status: 503, body: { error: { code: 'unavailable', message: 'Down.' } } };
const created = { status: 201, body: { replayed: false, interactions: [] } };
/** What the device holds, as parsed outbox items. */
const kept = () =>
  JSON.parse(storage.get('rapport.outbox') ?? '[]') as {
    id: string;
    path: string;
    body: Record<string, unknown>;
  }[];

describe('the one logging path', () => {
  const tappedAt = new Date('2026-11-23T14:55:00.000Z');
  const moment = (clientId: string, kind = 'repair') => ({
    clientId,
    kind: kind as 'repair',
    studentIds: ['student-1'],
  });
  let stop: () => void = () => {};

  beforeAll(async () => {
    const outbox = await import('./outbox.js');
    stop = outbox.startOutboxSync({
      checkSession: async () => 'account-1',
      onSignedOut: () => {},
      onSettled: () => {},
    });
    outbox.setOutboxOwner('account-1');
    requests.length = 0; // the test above's
  });
  afterEach(() => {
    nav.onLine = true;
    requests.length = 0;
  });
  afterAll(() => stop());

  it('keeps a log made offline without trying, dated to the tap, and sends it once on reconnect', async () => {
    const outbox = await import('./outbox.js');
    const { logInteractions } = await import('./log-interactions.js');
    nav.onLine = false;
    const result = await logInteractions(moment('offline-repair-1'), tappedAt);
    expect(result).toEqual({ status: 'queued' });
    expect(requests).toEqual([]);
    expect(kept().map((i) => [i.id, i.path, i.body.kind, i.body.occurredAt])).toEqual([
      ['offline-repair-1', '/api/interactions', 'repair', tappedAt.toISOString()],
    ]);

    nav.onLine = true;
    answer = created;
    await outbox.syncOutbox();
    await outbox.syncOutbox(); // a second round has nothing left to send
    expect(requests.map((r) => [r.path, r.body.clientId])).toEqual([
      ['/api/interactions', 'offline-repair-1'],
    ]);
    expect(kept()).toEqual([]);
  });

  it("sends a log online at once, dated by the server's clock, and keeps nothing", async () => {
    const { logInteractions } = await import('./log-interactions.js');
    answer = created;
    const result = await logInteractions(moment('online-note-01', 'note'), tappedAt);
    expect(result.status).toBe('sent');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body.occurredAt).toBeUndefined();
    expect(kept()).toEqual([]);
  });

  it('keeps a log the server failed to take (and throws, so the page says so); a retry that gets through leaves nothing behind', async () => {
    const outbox = await import('./outbox.js');
    answer = down;
    await expect(
      outbox.sendOrKeep({
        id: 'incident-0001',
        path: '/api/incidents',
        body: { clientId: 'incident-0001' },
      }),
    ).rejects.toMatchObject({ status: 503 });
    expect(kept().map((i) => [i.id, i.path])).toEqual([['incident-0001', '/api/incidents']]);

    // "Try again" with the same client id: sent, and the kept copy is forgotten.
    answer = { status: 201, body: { replayed: false } };
    const again = await outbox.sendOrKeep<{ replayed: boolean }>({
      id: 'incident-0001',
      path: '/api/incidents',
      body: { clientId: 'incident-0001' },
    });
    expect(again).toEqual({ status: 'sent', response: { replayed: false } });
    expect(kept()).toEqual([]);
    expect(outbox.getOutboxState().items).toEqual([]);
  });

  it('keeps nothing the server refused: the page shows the reason', async () => {
    const { logInteractions } = await import('./log-interactions.js');
    answer = refused;
    await expect(logInteractions(moment('refused-note-1', 'note'), tappedAt)).rejects.toMatchObject(
      {
        status: 400,
        field: 'note',
      },
    );
    expect(kept()).toEqual([]);
  });

  it('undoes a waiting log on the device without a request, and a sent one on the server', async () => {
    const { logInteractions, undoInteractions } = await import('./log-interactions.js');
    nav.onLine = false;
    await logInteractions(moment('undo-waiting-1', 'one_on_one'), tappedAt);
    expect(await undoInteractions({ clientId: 'undo-waiting-1' })).toBe('device');
    expect(kept()).toEqual([]);
    expect(requests).toEqual([]);

    nav.onLine = true;
    answer = created;
    await logInteractions(moment('undo-sent-0001', 'family_contact'), tappedAt);
    answer = { status: 200, body: { undone: 1 } };
    expect(await undoInteractions({ clientId: 'undo-sent-0001' })).toBe('server');
    expect(requests.map((r) => [r.path, r.body.clientId])).toEqual([
      ['/api/interactions', 'undo-sent-0001'],
      ['/api/interactions/undo', 'undo-sent-0001'],
    ]);
  });
});
