import { useRef } from 'react';
import type { InteractionKind } from '../../../../domain/interaction-kinds.js';
import { newClientId } from '../../../lib/client-id.js';
import { useLogInteraction } from '../api/log-interaction.js';

/**
 * Logs one kind of moment with one student. A failed attempt keeps its client id, so trying
 * again (even after the server did get the first request) never records the moment twice.
 */
export function useLogMoment(studentId: string) {
  const log = useLogInteraction();
  const pending = useRef(new Map<InteractionKind, string>());

  function send(kind: InteractionKind, note?: string, onLogged?: () => void) {
    const clientId = pending.current.get(kind) ?? newClientId();
    pending.current.set(kind, clientId);
    const trimmed = note?.trim();
    log.mutate(
      { clientId, kind, studentIds: [studentId], ...(trimmed ? { note: trimmed } : {}) },
      {
        onSuccess: () => {
          pending.current.delete(kind);
          onLogged?.();
        },
      },
    );
  }

  return { send, isPending: log.isPending, error: log.error, variables: log.variables };
}
