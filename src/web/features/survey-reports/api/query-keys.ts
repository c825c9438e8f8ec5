export const surveyReportKeys = {
  list: ['survey-reports'] as const,
  settings: ['survey-report-settings'] as const,
  report: (administrationId: string, scope: string, scopeId: string) =>
    ['survey-reports', administrationId, scope, scopeId] as const,
  gap: (administrationId: string, classId: string) =>
    ['survey-reports', administrationId, 'gap', classId] as const,
};
