// Where the outbox (outbox.ts) keeps its requests: IndexedDB, which survives reloads, restarts
// and a closed tab, and is shared by the tabs of one site. When IndexedDB cannot be opened
// (some private modes), localStorage holds them instead: smaller, but just as durable.

/** A request kept on the device until the server has it. */
export interface OutboxItem {
  /** The request's client id: the key, and what makes sending it twice harmless. */
  id: string;
  path: string;
  body: unknown;
  /** The account whose session queued it; only that account's session sends it. */
  ownerId: string;
  /** When it was queued, by the device's clock (ISO). */
  queuedAt: string;
  /** Sending order: increases with every item a tab queues. */
  seq: number;
}

export interface OutboxStore {
  /** Every item, in sending order. */
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
}

const DB_NAME = 'rapport-outbox';
const STORE = 'requests';
const LOCAL_KEY = 'rapport.outbox';

const inOrder = (items: OutboxItem[]) =>
  items.sort((a, b) => a.seq - b.seq || a.queuedAt.localeCompare(b.queuedAt));

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

function indexedDbStore(db: IDBDatabase): OutboxStore {
  // A write counts once its transaction has completed ("strict": flushed to disk), not when
  // the request succeeded: only then may the UI say the log is saved.
  const write = (fn: (store: IDBObjectStore) => void) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  return {
    async all() {
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      return inOrder((await settle(store.getAll())) as OutboxItem[]);
    },
    put: (item) => write((store) => store.put(item)),
    delete: (id) => write((store) => store.delete(id)),
  };
}

function localStorageStore(): OutboxStore {
  const read = (): OutboxItem[] => {
    const raw = localStorage.getItem(LOCAL_KEY);
    return raw ? (JSON.parse(raw) as OutboxItem[]) : [];
  };
  const write = (items: OutboxItem[]) => localStorage.setItem(LOCAL_KEY, JSON.stringify(items));
  return {
    all: async () => inOrder(read()),
    put: async (item) => write([...read().filter((i) => i.id !== item.id), item]),
    delete: async (id) => write(read().filter((i) => i.id !== id)),
  };
}

/** Opens the device's outbox storage: IndexedDB, or localStorage when that is unavailable. */
export async function openOutboxStore(): Promise<OutboxStore> {
  try {
    return indexedDbStore(await openDatabase());
  } catch (error) {
    console.warn('IndexedDB is unavailable; the outbox uses localStorage.', error);
    return localStorageStore();
  }
}
