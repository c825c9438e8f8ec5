import { useQuery } from '@tanstack/react-query';
import type { ReportListResponse } from '../../../../contracts/survey-reports.js';
import { api } from '../../../lib/api-client.js';
import { surveyReportKeys } from './query-keys.js';

/** The closed survey administrations and the reports of each that the viewer may open. */
export function listReports(): Promise<ReportListResponse> {
  return api.get<ReportListResponse>('/api/survey-reports');
}

export function useReportList() {
  return useQuery({ queryKey: surveyReportKeys.list, queryFn: listReports });
}
