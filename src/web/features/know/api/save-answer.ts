import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  MyQuestionnaireResponse,
  ResponseProgress,
  SaveAnswerBody,
} from '../../../../contracts/questionnaires.js';
import { api } from '../../../lib/api-client.js';

/** Saves one item's answer (or, skipped, only the place reached). */
export function saveAnswer(
  questionnaireId: string,
  itemId: string,
  body: SaveAnswerBody,
): Promise<ResponseProgress> {
  return api.put<ResponseProgress>(
    `/api/know/questionnaires/${encodeURIComponent(questionnaireId)}/mine/items/${encodeURIComponent(itemId)}`,
    body,
  );
}

/** Keeps every cached language of the questionnaire in step with the saved progress. */
export function useSaveAnswer(questionnaireId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { itemId: string; body: SaveAnswerBody }) =>
      saveAnswer(questionnaireId, v.itemId, v.body),
    onSuccess: (progress) => {
      queryClient.setQueriesData<MyQuestionnaireResponse>(
        { queryKey: ['know', 'questionnaire', questionnaireId] },
        (old) => (old ? { ...old, progress } : old),
      );
    },
  });
}
