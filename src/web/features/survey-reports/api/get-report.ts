import { useQuery } from '@tanstack/react-query';
import type { ReportResponse } from '../../../../contracts/survey-reports.js';
import { api } from '../../../lib/api-client.js';
import { surveyReportKeys } from './query-keys.js';

export function reportPath(administrationId: string, scope: string, scopeId: string): string {
  return `/api/survey-reports/${encodeURIComponent(administrationId)}/${encodeURIComponent(scope)}/${encodeURIComponent(scopeId)}`;
}

/** One class, teacher or school report; hidden figures come without numbers. */
export function getReport(
  administrationId: string,
  scope: string,
  scopeId: string,
): Promise<ReportResponse> {
  return api.get<ReportResponse>(reportPath(administrationId, scope, scopeId));
}

export function useReport(administrationId: string, scope: string, scopeId: string) {
  return useQuery({
    queryKey: surveyReportKeys.report(administrationId, scope, scopeId),
    queryFn: () => getReport(administrationId, scope, scopeId),
  });
}
