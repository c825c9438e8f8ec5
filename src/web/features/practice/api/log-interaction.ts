import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LogInteractionsBody } from '../../../../contracts/interactions.js';
import { logInteractions, undoInteractions } from '../../../lib/log-interactions.js';

/**
 * Logs a moment with one student (a relationship action, a two-by-ten conversation, a note)
 * through the outbox: sent now, or kept on the device and sent once the network is back.
 */
export function useLogInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, tappedAt }: { body: LogInteractionsBody; tappedAt: Date }) =>
      (await logInteractions(body, tappedAt)).status,
    // Offline the mutation must still run (React Query would pause it): it keeps the log.
    networkMode: 'always',
    // A logged moment can close a repair, finish a plan day, change a ratio and the recent log
    // shown beside it: refetch what is on screen, since the server decides what today is.
    onSuccess: (result) => (result === 'sent' ? queryClient.invalidateQueries() : null),
  });
}

/** Undoes a moment logged from a student's page, on the device or on the server. */
export function useUndoInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: undoInteractions,
    networkMode: 'always',
    onSuccess: (where) => (where === 'server' ? queryClient.invalidateQueries() : null),
  });
}
