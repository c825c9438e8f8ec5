import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanView, StartPlanBody } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** Starts a two-by-ten with a student on the first school day on or after `startDate`. */
export function startPlan(body: StartPlanBody): Promise<PlanView> {
  return api.post<PlanView>('/api/plans', body);
}

export function useStartPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startPlan,
    onSuccess: (plan) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: practiceKeys.dyad(plan.studentId) }),
        queryClient.invalidateQueries({ queryKey: practiceKeys.today }),
      ]),
  });
}
