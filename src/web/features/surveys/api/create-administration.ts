import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AdministrationView,
  CreateAdministrationBody,
} from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

export function createAdministration(body: CreateAdministrationBody): Promise<AdministrationView> {
  return api.post<AdministrationView>('/api/surveys/administrations', body);
}

export function useCreateAdministration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAdministration,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.administrations }),
  });
}
