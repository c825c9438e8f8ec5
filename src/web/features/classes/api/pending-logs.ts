import type { TodayCounts } from '../../../../contracts/classes.js';
import type { LogInteractionsBody } from '../../../../contracts/interactions.js';
import type { InteractionKind } from '../../../../domain/interaction-kinds.js';
import { useOutbox, type OutboxItem } from '../../../lib/outbox.js';
import { LOG_PATH } from './log-interactions.js';

function isLogFor(
  item: OutboxItem,
  classId: string,
): item is OutboxItem & {
  body: LogInteractionsBody;
} {
  if (item.path !== LOG_PATH || typeof item.body !== 'object' || item.body === null) return false;
  const body = item.body as Partial<LogInteractionsBody>;
  return (
    body.classId === classId && Array.isArray(body.studentIds) && typeof body.kind === 'string'
  );
}

/**
 * The logs of this class the server's answer (received at `dataUpdatedAt`) cannot include yet:
 * those waiting in the outbox, and those sent since. The class view counts them as logged.
 */
export function usePendingLogs(classId: string, dataUpdatedAt: number) {
  const outbox = useOutbox();
  const waiting = outbox.items.filter((i) => isLogFor(i, classId)).map((i) => i.body);
  const justSent = outbox.sent
    .filter((s) => s.at > dataUpdatedAt)
    .map((s) => s.item)
    .filter((i) => isLogFor(i, classId))
    .map((i) => i.body);
  return {
    /** Logs to add to the server's counts. */
    uncounted: [...waiting, ...justSent],
    /** Client ids still waiting to be sent. */
    waitingIds: new Set(waiting.map((b) => b.clientId)),
  };
}

type CountedKind = Exclude<keyof TodayCounts, 'other'>;
const isCounted = (kind: InteractionKind): kind is CountedKind =>
  kind === 'warm_moment' || kind === 'affirmation' || kind === 'correction';

/** A student's counts for today with the uncounted logs added. */
export function withUncounted(
  today: TodayCounts,
  studentId: string,
  logs: readonly LogInteractionsBody[],
): TodayCounts {
  const counts = { ...today };
  for (const log of logs) {
    if (!log.studentIds.includes(studentId)) continue;
    if (isCounted(log.kind)) counts[log.kind] += 1;
    else counts.other += 1;
  }
  return counts;
}
