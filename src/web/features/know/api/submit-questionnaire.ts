import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  MyQuestionnaireResponse,
  ResponseProgress,
} from '../../../../contracts/questionnaires.js';
import { api } from '../../../lib/api-client.js';

/** Submits the questionnaire with the respondent's choice to share their answers. */
export function submitQuestionnaire(
  questionnaireId: string,
  shared: boolean,
): Promise<ResponseProgress> {
  return api.post<ResponseProgress>(
    `/api/know/questionnaires/${encodeURIComponent(questionnaireId)}/mine/submit`,
    { shared },
  );
}

export function useSubmitQuestionnaire(questionnaireId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) => submitQuestionnaire(questionnaireId, shared),
    onSuccess: (progress) => {
      queryClient.setQueriesData<MyQuestionnaireResponse>(
        { queryKey: ['know', 'questionnaire', questionnaireId] },
        (old) => (old ? { ...old, progress } : old),
      );
    },
  });
}
