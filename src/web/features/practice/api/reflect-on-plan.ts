import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanView, ReflectPlanBody } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** Closes a finished two-by-ten with the teacher's reflection and, optionally, a new stage. */
export function reflectOnPlan(planId: string, body: ReflectPlanBody): Promise<PlanView> {
  return api.post<PlanView>(`/api/plans/${encodeURIComponent(planId)}/reflection`, body);
}

export function useReflectOnPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, body }: { planId: string; body: ReflectPlanBody }) =>
      reflectOnPlan(planId, body),
    onSuccess: (plan) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: practiceKeys.dyad(plan.studentId) }),
        queryClient.invalidateQueries({ queryKey: practiceKeys.today }),
      ]),
  });
}
