import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  UndoInteractionsBody,
  UndoInteractionsResponse,
} from '../../../../contracts/interactions.js';
import { api } from '../../../lib/api-client.js';
import { classQueryKey } from './get-class.js';

/** Undoes everything one log request created (within the server's undo window). */
export function undoInteractions(body: UndoInteractionsBody): Promise<UndoInteractionsResponse> {
  return api.post<UndoInteractionsResponse>('/api/interactions/undo', body);
}

export function useUndoInteractions(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: undoInteractions,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classQueryKey(classId) }),
  });
}
