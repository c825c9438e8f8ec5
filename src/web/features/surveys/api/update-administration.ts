import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AdministrationView,
  UpdateAdministrationBody,
} from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

/** Changes only the fields sent; the server refuses, naming the field, what may not change. */
export function updateAdministration(
  administrationId: string,
  body: UpdateAdministrationBody,
): Promise<AdministrationView> {
  return api.patch<AdministrationView>(
    `/api/surveys/administrations/${encodeURIComponent(administrationId)}`,
    body,
  );
}

export function useUpdateAdministration(administrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAdministrationBody) => updateAdministration(administrationId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.administrations }),
  });
}
