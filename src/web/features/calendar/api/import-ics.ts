import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IcsImportResponse } from '../../../../contracts/rostering.js';
import { api } from '../../../lib/api-client.js';
import { calendarKey } from './get-calendar.js';

/** Uploads an .ics file's text; the server adds the days off it lists within the terms. */
export function importIcs(text: string): Promise<IcsImportResponse> {
  return api.postText<IcsImportResponse>('/api/calendar/ics', text, 'text/calendar');
}

export function useImportIcs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importIcs,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}
