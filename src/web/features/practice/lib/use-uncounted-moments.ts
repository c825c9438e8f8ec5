import type { LogInteractionsBody } from '../../../../contracts/interactions.js';
import { uncountedMoments } from '../../../lib/log-interactions.js';
import { useOutbox } from '../../../lib/outbox.js';

/**
 * One student's moments that the dyad's server answer (received at `dataUpdatedAt`) cannot
 * include yet: waiting in the outbox, or sent since. A repair logged offline closes the open
 * repair on screen at once, as the server will once it has it.
 */
export function useUncountedMoments(
  studentId: string,
  dataUpdatedAt: number,
): LogInteractionsBody[] {
  const { uncounted } = uncountedMoments(useOutbox(), dataUpdatedAt);
  return uncounted.filter((b) => b.studentIds.includes(studentId));
}
