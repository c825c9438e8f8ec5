import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  LogInteractionsBody,
  LogInteractionsResponse,
} from '../../../../contracts/interactions.js';
import { api } from '../../../lib/api-client.js';

/**
 * Logs a relationship action with one student: a two-by-ten conversation, an empathy statement,
 * a repair or a restorative conversation. Retrying with the same clientId is safe.
 */
export function logInteraction(body: LogInteractionsBody): Promise<LogInteractionsResponse> {
  return api.post<LogInteractionsResponse>('/api/interactions', body);
}

export function useLogInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logInteraction,
    // A logged moment can close a repair, finish a plan day, change a ratio and the recent log
    // shown beside it: refetch what is on screen, since the server decides what today is.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
