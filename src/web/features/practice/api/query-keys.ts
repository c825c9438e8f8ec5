// The practice feature's query keys in one place, so a write can refresh exactly what it changed.
export const practiceKeys = {
  all: ['practice'] as const,
  today: ['practice', 'today'] as const,
  repairs: ['practice', 'repairs'] as const,
  classRatios: (classId: string) => ['practice', 'classes', classId] as const,
  dyad: (studentId: string) => ['practice', 'students', studentId] as const,
  strategies: (stage: string, lang: string) => ['practice', 'strategies', stage, lang] as const,
  strategy: (slug: string, lang: string) => ['practice', 'strategy', slug, lang] as const,
};
