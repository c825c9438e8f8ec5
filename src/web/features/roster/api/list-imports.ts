import { useQuery } from '@tanstack/react-query';
import type { RosterJobList } from '../../../../contracts/rostering.js';
import { api } from '../../../lib/api-client.js';

export const importsKey = ['roster', 'imports'] as const;

/** The district's recent roster imports, newest first. */
export function listImports(): Promise<RosterJobList> {
  return api.get<RosterJobList>('/api/rostering/imports');
}

export function useImports() {
  return useQuery({ queryKey: importsKey, queryFn: listImports });
}
