import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReportSettingsBody,
  ReportSettingsResponse,
} from '../../../../contracts/survey-reports.js';
import { api } from '../../../lib/api-client.js';
import { surveyReportKeys } from './query-keys.js';

/** The district's survey-report settings (district admins). */
export function getReportSettings(): Promise<ReportSettingsResponse> {
  return api.get<ReportSettingsResponse>('/api/survey-reports/settings');
}

export function useReportSettings() {
  return useQuery({ queryKey: surveyReportKeys.settings, queryFn: getReportSettings });
}

export function saveReportSettings(body: ReportSettingsBody): Promise<ReportSettingsResponse> {
  return api.put<ReportSettingsResponse>('/api/survey-reports/settings', body);
}

export function useSaveReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveReportSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(surveyReportKeys.settings, saved);
      // Every report's suppression follows the new minimum.
      void queryClient.invalidateQueries({ queryKey: surveyReportKeys.list });
    },
  });
}
