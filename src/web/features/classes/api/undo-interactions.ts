import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  UndoInteractionsBody,
  UndoInteractionsResponse,
} from '../../../../contracts/interactions.js';
import { api } from '../../../lib/api-client.js';
import { discard } from '../../../lib/outbox.js';
import { classQueryKey } from './get-class.js';

/** Undoes everything one log request created (within the server's undo window). */
export function undoInteractions(body: UndoInteractionsBody): Promise<UndoInteractionsResponse> {
  return api.post<UndoInteractionsResponse>('/api/interactions/undo', body);
}

/** Undoes a log: removed from the outbox when it has not been sent yet, else undone by the
 * server. Resolves to where it was undone. */
export async function undoOrDiscard(body: UndoInteractionsBody): Promise<'device' | 'server'> {
  if (await discard(body.clientId)) return 'device';
  await undoInteractions(body);
  return 'server';
}

export function useUndoInteractions(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: undoOrDiscard,
    // Offline, a log that is still on the device can be undone; only the server undo needs a network.
    networkMode: 'always',
    onSuccess: (where) =>
      where === 'server'
        ? queryClient.invalidateQueries({ queryKey: classQueryKey(classId) })
        : null,
  });
}
