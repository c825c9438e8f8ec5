import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DayOff } from '../../../../contracts/rostering.js';
import { api } from '../../../lib/api-client.js';
import { calendarKey } from './get-calendar.js';

/** Adds a day off by hand, or changes the reason of one already there. */
export function setDayOff(input: { date: string; reason: string }): Promise<DayOff> {
  return api.put<DayOff>(`/api/calendar/days-off/${encodeURIComponent(input.date)}`, {
    reason: input.reason,
  });
}

export function useSetDayOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setDayOff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}
