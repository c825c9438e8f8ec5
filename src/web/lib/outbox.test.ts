// The outbox when the server's database is down: the API answers 503 (database_unavailable) and
// the queued log stays on the device, in order, until a later round gets it through. Runs in
// Node with the browser pieces the outbox touches stood in for (no IndexedDB: localStorage).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const storage = new Map<string, string>();
let answer: { status: number; body: unknown } = { status: 503, body: {} };
const posts: string[] = [];

beforeAll(() => {
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('window', { addEventListener: () => {}, removeEventListener: () => {} });
  vi.stubGlobal('fetch', async (path: string, init: { method: string; body?: string }) => {
    if (init.method === 'POST') posts.push(JSON.parse(init.body ?? '{}').clientId as string);
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
