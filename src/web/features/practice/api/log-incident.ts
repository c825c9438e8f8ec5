import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LogIncidentBody, LogIncidentResponse } from '../../../../contracts/practice.js';
import { sendOrKeep } from '../../../lib/outbox.js';
import { practiceKeys } from './query-keys.js';

export const INCIDENT_PATH = '/api/incidents';

/**
 * Logs a hard moment with its explanations through the outbox: sent now, or kept on the device
 * (dated to when it was saved) and sent once. Retrying with the same clientId is safe.
 */
export async function logIncident(
  body: LogIncidentBody,
  savedAt: Date,
): Promise<'sent' | 'queued'> {
  const result = await sendOrKeep<LogIncidentResponse>({
    id: body.clientId,
    path: INCIDENT_PATH,
    body,
    keptBody: { ...body, occurredAt: body.occurredAt ?? savedAt.toISOString() },
  });
  return result.status;
}

export function useLogIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LogIncidentBody) => logIncident(body, new Date()),
    networkMode: 'always',
    // An incident opens a repair: the dyad's stage suggestion and the week's list change.
    onSuccess: (status, body) =>
      status === 'sent'
        ? Promise.all([
            queryClient.invalidateQueries({ queryKey: practiceKeys.dyad(body.studentId) }),
            queryClient.invalidateQueries({ queryKey: practiceKeys.today }),
          ])
        : null,
  });
}
