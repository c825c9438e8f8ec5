export const insightsKeys = {
  studentCommonalities: (studentId: string) => ['insights', 'commonalities', studentId] as const,
  classOverview: (classId: string) => ['insights', 'class-overview', classId] as const,
  myCommonalities: ['insights', 'my-commonalities'] as const,
  predictions: (studentId: string) => ['insights', 'predictions', studentId] as const,
  accuracy: ['insights', 'accuracy'] as const,
  equityLens: ['insights', 'equity-lens'] as const,
  schoolSettings: (schoolId: string) => ['insights', 'school-settings', schoolId] as const,
};
