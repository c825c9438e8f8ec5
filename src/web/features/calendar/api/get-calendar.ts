import { useQuery } from '@tanstack/react-query';
import type { CalendarResponse } from '../../../../contracts/rostering.js';
import { api } from '../../../lib/api-client.js';

/** The calendar's one query key: every write below refreshes it. */
export const calendarKey = ['calendar'] as const;

export function getCalendar(): Promise<CalendarResponse> {
  return api.get<CalendarResponse>('/api/calendar');
}

export function useCalendar() {
  return useQuery({ queryKey: calendarKey, queryFn: getCalendar });
}
