import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanView } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** Ends an active two-by-ten early. */
export function stopPlan(planId: string): Promise<PlanView> {
  return api.post<PlanView>(`/api/plans/${encodeURIComponent(planId)}/stop`);
}

export function useStopPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopPlan,
    onSuccess: (plan) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: practiceKeys.dyad(plan.studentId) }),
        queryClient.invalidateQueries({ queryKey: practiceKeys.today }),
      ]),
  });
}
