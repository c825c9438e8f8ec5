import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdministrationView } from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

/** Ends an open survey's window now. */
export function closeAdministration(administrationId: string): Promise<AdministrationView> {
  return api.post<AdministrationView>(
    `/api/surveys/administrations/${encodeURIComponent(administrationId)}/close`,
  );
}

export function useCloseAdministration(administrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeAdministration(administrationId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.administrations }),
  });
}
