import { useQuery } from '@tanstack/react-query';
import type { GapResponse } from '../../../../contracts/survey-reports.js';
import { api } from '../../../lib/api-client.js';
import { surveyReportKeys } from './query-keys.js';

/** The perception gap of a teacher's class (per student only for students who shared). */
export function getGap(administrationId: string, classId: string): Promise<GapResponse> {
  return api.get<GapResponse>(
    `/api/survey-reports/${encodeURIComponent(administrationId)}/gaps/${encodeURIComponent(classId)}`,
  );
}

export function useGap(administrationId: string, classId: string) {
  return useQuery({
    queryKey: surveyReportKeys.gap(administrationId, classId),
    queryFn: () => getGap(administrationId, classId),
  });
}
