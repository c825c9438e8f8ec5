export const surveyKeys = {
  open: ['surveys', 'open'] as const,
  take: (administrationId: string, subject: string, lang: string | undefined) =>
    ['surveys', 'take', administrationId, subject, lang ?? ''] as const,
  administrations: ['surveys', 'administrations'] as const,
  setup: (schoolId: string) => ['surveys', 'setup', schoolId] as const,
  linkSession: ['links', 'session'] as const,
};
