import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterJob } from '../../../../contracts/rostering.js';
import { api } from '../../../lib/api-client.js';
import { importKey } from './get-import.js';
import { importsKey } from './list-imports.js';

/** Uploads a OneRoster zip for a dry run: the server reports what it would change. */
export function checkImport(file: File): Promise<RosterJob> {
  return api.postFile<RosterJob>('/api/rostering/imports?dryRun=true', file, 'application/zip', {
    'x-file-name': encodeURIComponent(file.name),
  });
}

export function useCheckImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: checkImport,
    onSuccess: (job) => {
      queryClient.setQueryData(importKey(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importsKey, exact: true });
    },
  });
}
