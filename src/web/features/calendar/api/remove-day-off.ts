import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { calendarKey } from './get-calendar.js';

/** Removes one of the district's days off: that date is a school day again. */
export function removeDayOff(date: string): Promise<void> {
  return api.delete(`/api/calendar/days-off/${encodeURIComponent(date)}`);
}

export function useRemoveDayOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeDayOff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}
