// Logging a moment (POST /api/interactions) and undoing it, for every page that logs one: the
// class view, a student's page and the home page's two-by-ten days all go through the outbox
// (outbox.ts), so a moment logged offline on any of them is kept and sent once.
import type {
  LogInteractionsBody,
  LogInteractionsResponse,
  UndoInteractionsBody,
  UndoInteractionsResponse,
} from '../../contracts/interactions.js';
import { api } from './api-client.js';
import {
  discard,
  sendOrKeep,
  type LogResult,
  type OutboxItem,
  type OutboxState,
} from './outbox.js';

export const LOG_PATH = '/api/interactions';

/**
 * Logs one kind of moment for one or more students now, or keeps it on the device (dated to
 * the tap) to send later. Retrying with the same clientId is safe.
 */
export function logInteractions(
  body: LogInteractionsBody,
  tappedAt: Date,
): Promise<LogResult<LogInteractionsResponse>> {
  return sendOrKeep<LogInteractionsResponse>({
    id: body.clientId,
    path: LOG_PATH,
    body,
    keptBody: { ...body, occurredAt: body.occurredAt ?? tappedAt.toISOString() },
  });
}

/** Undoes a log: removed from the outbox when it has not been sent yet, else undone by the
 * server (within its undo window). Resolves to where it was undone. */
export async function undoInteractions(body: UndoInteractionsBody): Promise<'device' | 'server'> {
  if (await discard(body.clientId)) return 'device';
  await api.post<UndoInteractionsResponse>(`${LOG_PATH}/undo`, body);
  return 'server';
}

/** Whether an outbox item is a moment log (and so has a LogInteractionsBody). */
export function isMomentLog(item: OutboxItem): item is OutboxItem & { body: LogInteractionsBody } {
  if (item.path !== LOG_PATH || typeof item.body !== 'object' || item.body === null) return false;
  const body = item.body as Partial<LogInteractionsBody>;
  return Array.isArray(body.studentIds) && typeof body.kind === 'string';
}

/**
 * The moment logs a page's server answer (received at `dataUpdatedAt`) cannot include yet:
 * those waiting in the outbox, and those sent since. `waiting` holds the client ids not sent.
 */
export function uncountedMoments(
  outbox: OutboxState,
  dataUpdatedAt: number,
): { uncounted: LogInteractionsBody[]; waiting: ReadonlySet<string> } {
  const waiting = outbox.items.filter(isMomentLog).map((i) => i.body);
  const justSent = outbox.sent
    .filter((s) => s.at > dataUpdatedAt)
    .map((s) => s.item)
    .filter(isMomentLog)
    .map((i) => i.body);
  return {
    uncounted: [...waiting, ...justSent],
    waiting: new Set(waiting.map((b) => b.clientId)),
  };
}
