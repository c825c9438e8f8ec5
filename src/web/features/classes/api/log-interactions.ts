import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  LogInteractionsBody,
  LogInteractionsResponse,
} from '../../../../contracts/interactions.js';
import { api } from '../../../lib/api-client.js';
import { classQueryKey } from './get-class.js';

/** Logs one kind of moment for one or more students. Retrying with the same clientId is safe. */
export function logInteractions(body: LogInteractionsBody): Promise<LogInteractionsResponse> {
  return api.post<LogInteractionsResponse>('/api/interactions', body);
}

export function useLogInteractions(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logInteractions,
    // The server decides what counts as today; refetch rather than guess.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classQueryKey(classId) }),
  });
}
