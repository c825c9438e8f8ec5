import { useQuery } from '@tanstack/react-query';
import type { LeaderHomeResponse } from '../../../../contracts/schools.js';
import { api } from '../../../lib/api-client.js';

export function getLeaderHome(): Promise<LeaderHomeResponse> {
  return api.get<LeaderHomeResponse>('/api/home/leader');
}

export function useLeaderHome() {
  return useQuery({ queryKey: ['home', 'leader'], queryFn: getLeaderHome });
}
