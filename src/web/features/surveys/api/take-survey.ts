import { useQuery } from '@tanstack/react-query';
import type { TakeSurveyResponse } from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

/** One survey to answer, in a language, with the progress saved so far. */
export function takeSurvey(
  administrationId: string,
  subject: string,
  lang?: string,
): Promise<TakeSurveyResponse> {
  const q = new URLSearchParams({ subject, ...(lang ? { lang } : {}) });
  return api.get<TakeSurveyResponse>(
    `/api/surveys/administrations/${encodeURIComponent(administrationId)}/take?${q}`,
  );
}

export function useTakeSurvey(administrationId: string, subject: string, lang?: string) {
  return useQuery({
    queryKey: surveyKeys.take(administrationId, subject, lang),
    queryFn: () => takeSurvey(administrationId, subject, lang),
    staleTime: Infinity,
  });
}
