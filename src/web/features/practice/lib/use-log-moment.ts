import { useRef } from 'react';
import type { LogInteractionsBody } from '../../../../contracts/interactions.js';
import type { InteractionKind } from '../../../../domain/interaction-kinds.js';
import { newClientId } from '../../../lib/client-id.js';
import { useOutbox } from '../../../lib/outbox.js';
import { useLogInteraction } from '../api/log-interaction.js';

/** What a log answered: sent to the server, or kept on this device to send later. */
export type Logged = { body: LogInteractionsBody; status: 'sent' | 'queued' };

/**
 * Logs one kind of moment with one student, through the outbox. A failed attempt keeps its
 * client id, so trying again (even after the server did get the first request) never records
 * the moment twice.
 */
export function useLogMoment(studentId: string) {
  const log = useLogInteraction();
  const pending = useRef(new Map<InteractionKind, string>());

  function send(kind: InteractionKind, note?: string, onLogged?: (logged: Logged) => void) {
    const clientId = pending.current.get(kind) ?? newClientId();
    pending.current.set(kind, clientId);
    const trimmed = note?.trim();
    const body: LogInteractionsBody = {
      clientId,
      kind,
      studentIds: [studentId],
      ...(trimmed ? { note: trimmed } : {}),
    };
    log.mutate(
      { body, tappedAt: new Date() },
      {
        onSuccess: (status) => {
          pending.current.delete(kind);
          onLogged?.({ body, status });
        },
      },
    );
  }

  // A failure the outbox kept has nothing left to report once the outbox has sent it.
  const failedId = log.isError ? log.variables?.body.clientId : undefined;
  const sentSince = useOutbox().sent.some((s) => s.item.id === failedId);

  return {
    send,
    isPending: log.isPending,
    error: sentSince ? null : log.error,
    variables: log.variables?.body,
  };
}
