import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SubmitResponseBody, SubmitResponseResult } from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

/** Sends a response; resending the same responseId is a no-op that answers the same. */
export function submitResponse(
  administrationId: string,
  body: SubmitResponseBody,
): Promise<SubmitResponseResult> {
  return api.post<SubmitResponseResult>(
    `/api/surveys/administrations/${encodeURIComponent(administrationId)}/responses`,
    body,
  );
}

export function useSubmitResponse(administrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitResponseBody) => submitResponse(administrationId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.open }),
  });
}
