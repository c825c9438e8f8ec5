import { useQuery } from '@tanstack/react-query';
import type { MyQuestionnaireResponse } from '../../../../contracts/questionnaires.js';
import { api } from '../../../lib/api-client.js';
import { knowKeys } from './query-keys.js';

/** A questionnaire worded for the caller, in `lang`, with their saved progress. */
export function getMyQuestionnaire(id: string, lang: string): Promise<MyQuestionnaireResponse> {
  return api.get<MyQuestionnaireResponse>(
    `/api/know/questionnaires/${encodeURIComponent(id)}/mine?lang=${encodeURIComponent(lang)}`,
  );
}

export function useMyQuestionnaire(id: string, lang: string) {
  return useQuery({
    queryKey: knowKeys.myQuestionnaire(id, lang),
    queryFn: () => getMyQuestionnaire(id, lang),
  });
}
