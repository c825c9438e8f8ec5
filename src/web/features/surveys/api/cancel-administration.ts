import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CancelAdministrationResponse } from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

/** Deletes a scheduled or open survey with every answer it collected. */
export function cancelAdministration(
  administrationId: string,
): Promise<CancelAdministrationResponse> {
  return api.delete<CancelAdministrationResponse>(
    `/api/surveys/administrations/${encodeURIComponent(administrationId)}`,
  );
}

export function useCancelAdministration(administrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelAdministration(administrationId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.administrations }),
  });
}
