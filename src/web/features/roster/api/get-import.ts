import { useQuery } from '@tanstack/react-query';
import type { RosterJob } from '../../../../contracts/rostering.js';
import { api } from '../../../lib/api-client.js';
import { importsKey } from './list-imports.js';

/** How often to ask about a running import: often enough for the progress to feel alive. */
const POLL_MS = 700;

export const importKey = (jobId: string) => [...importsKey, jobId] as const;

export function getImport(jobId: string): Promise<RosterJob> {
  return api.get<RosterJob>(`/api/rostering/imports/${encodeURIComponent(jobId)}`);
}

/** One import, asked about again and again while it is running. */
export function useImport(jobId: string) {
  return useQuery({
    queryKey: importKey(jobId),
    queryFn: () => getImport(jobId),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}
