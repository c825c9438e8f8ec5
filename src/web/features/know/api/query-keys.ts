export const knowKeys = {
  myProfile: ['know', 'profile', 'mine'] as const,
  myQuestionnaire: (id: string, lang: string) => ['know', 'questionnaire', id, lang] as const,
  students: ['know', 'students'] as const,
  studentProfile: (studentId: string) => ['know', 'students', studentId, 'profile'] as const,
};
