import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterJob } from '../../../../contracts/rostering.js';
import { api } from '../../../lib/api-client.js';
import { importKey } from './get-import.js';

/** Applies a previewed import from the file the server kept. */
export function applyImport(jobId: string): Promise<RosterJob> {
  return api.post<RosterJob>(`/api/rostering/imports/${encodeURIComponent(jobId)}/apply`);
}

export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyImport,
    // The job is running again: putting it in the cache starts the polling.
    onSuccess: (job) => queryClient.setQueryData(importKey(job.id), job),
  });
}
