import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PracticeTodayResponse } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** Takes a student off this week's focus list ("not this week"); answers with the new week. */
export function dismissFocus(studentId: string): Promise<PracticeTodayResponse> {
  return api.post<PracticeTodayResponse>('/api/practice/focus/dismissals', { studentId });
}

export function useDismissFocus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dismissFocus,
    onSuccess: (today) => queryClient.setQueryData(practiceKeys.today, today),
  });
}
