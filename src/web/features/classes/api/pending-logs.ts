import type { TodayCounts } from '../../../../contracts/classes.js';
import type { LogInteractionsBody } from '../../../../contracts/interactions.js';
import type { InteractionKind } from '../../../../domain/interaction-kinds.js';
import { uncountedMoments } from '../../../lib/log-interactions.js';
import { useOutbox } from '../../../lib/outbox.js';

/**
 * The logs of this class the server's answer (received at `dataUpdatedAt`) cannot include yet:
 * those waiting in the outbox, and those sent since. The class view counts them as logged.
 */
export function usePendingLogs(classId: string, dataUpdatedAt: number) {
  const { uncounted, waiting } = uncountedMoments(useOutbox(), dataUpdatedAt);
  const ofClass = uncounted.filter((b) => b.classId === classId);
  return {
    /** Logs to add to the server's counts. */
    uncounted: ofClass,
    /** Client ids still waiting to be sent. */
    waitingIds: new Set(ofClass.map((b) => b.clientId).filter((id) => waiting.has(id))),
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
