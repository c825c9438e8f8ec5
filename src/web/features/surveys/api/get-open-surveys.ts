import { useQuery } from '@tanstack/react-query';
import type { OpenSurveysResponse } from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

/** The surveys open to the signed-in student (or the one-time link's session). */
export function getOpenSurveys(): Promise<OpenSurveysResponse> {
  return api.get<OpenSurveysResponse>('/api/surveys/open');
}

export function useOpenSurveys(enabled = true) {
  return useQuery({ queryKey: surveyKeys.open, queryFn: getOpenSurveys, enabled });
}
