import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LogInteractionsBody } from '../../../../contracts/interactions.js';
import { logInteractions } from '../../../lib/log-interactions.js';
import { classQueryKey } from './get-class.js';

/** Logs a moment from the class view through the outbox (lib/log-interactions.ts). */
export function useLogInteractions(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, tappedAt }: { body: LogInteractionsBody; tappedAt: Date }) =>
      (await logInteractions(body, tappedAt)).status,
    // Offline the mutation must still run (React Query would pause it): it queues the log.
    networkMode: 'always',
    // The server decides what counts as today; refetch rather than guess.
    onSuccess: (result) =>
      result === 'sent'
        ? queryClient.invalidateQueries({ queryKey: classQueryKey(classId) })
        : null,
  });
}
