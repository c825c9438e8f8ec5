import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LogIncidentBody, LogIncidentResponse } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** Logs a hard moment with its explanations. Retrying with the same clientId is safe. */
export function logIncident(body: LogIncidentBody): Promise<LogIncidentResponse> {
  return api.post<LogIncidentResponse>('/api/incidents', body);
}

export function useLogIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIncident,
    // An incident opens a repair: the dyad's stage suggestion and the week's list change.
    onSuccess: (_res, body) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: practiceKeys.dyad(body.studentId) }),
        queryClient.invalidateQueries({ queryKey: practiceKeys.today }),
      ]),
  });
}
