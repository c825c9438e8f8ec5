import { useMutation, useQueryClient } from '@tanstack/react-query';
import { undoInteractions } from '../../../lib/log-interactions.js';
import { classQueryKey } from './get-class.js';

/** Undoes a log from the class view: on the device when it has not been sent, else on the server. */
export function useUndoInteractions(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: undoInteractions,
    // Offline, a log that is still on the device can be undone; only the server undo needs a network.
    networkMode: 'always',
    onSuccess: (where) =>
      where === 'server'
        ? queryClient.invalidateQueries({ queryKey: classQueryKey(classId) })
        : null,
  });
}
