import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  LogInteractionsBody,
  LogInteractionsResponse,
} from '../../../../contracts/interactions.js';
import { api } from '../../../lib/api-client.js';
import { enqueue, forget, isWorthKeeping } from '../../../lib/outbox.js';
import { classQueryKey } from './get-class.js';

export const LOG_PATH = '/api/interactions';

/** Logs one kind of moment for one or more students. Retrying with the same clientId is safe. */
export function logInteractions(body: LogInteractionsBody): Promise<LogInteractionsResponse> {
  return api.post<LogInteractionsResponse>(LOG_PATH, body);
}

/** Keeps a log on the device, dated to the tap: it may reach the server hours later. */
function keep(body: LogInteractionsBody, tappedAt: Date): Promise<void> {
  return enqueue({
    id: body.clientId,
    path: LOG_PATH,
    body: { ...body, occurredAt: body.occurredAt ?? tappedAt.toISOString() },
  });
}

/**
 * Logs now, or keeps the log in the outbox (lib/outbox.ts) to send later. Offline, it is kept
 * without trying ('queued'). Online, a failure of the network or the server keeps it too and
 * is still thrown, so the teacher hears of a problem they did not expect; the kept copy means
 * walking away loses nothing, and its client id means a "Try again" cannot log it twice.
 */
export async function logOrQueue(
  body: LogInteractionsBody,
  tappedAt: Date,
): Promise<'sent' | 'queued'> {
  if (!navigator.onLine) {
    await keep(body, tappedAt);
    return 'queued';
  }
  try {
    await logInteractions(body);
  } catch (error) {
    if (isWorthKeeping(error)) await keep(body, tappedAt);
    throw error;
  }
  await forget(body.clientId); // a copy kept by an earlier failed try is done
  return 'sent';
}

export function useLogInteractions(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, tappedAt }: { body: LogInteractionsBody; tappedAt: Date }) =>
      logOrQueue(body, tappedAt),
    // Offline the mutation must still run (React Query would pause it): it queues the log.
    networkMode: 'always',
    // The server decides what counts as today; refetch rather than guess.
    onSuccess: (result) =>
      result === 'sent'
        ? queryClient.invalidateQueries({ queryKey: classQueryKey(classId) })
        : null,
  });
}
