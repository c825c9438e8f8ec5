import { useQuery } from '@tanstack/react-query';
import type { AdminHomeResponse } from '../../../../contracts/schools.js';
import { api } from '../../../lib/api-client.js';

export function getAdminHome(): Promise<AdminHomeResponse> {
  return api.get<AdminHomeResponse>('/api/home/admin');
}

export function useAdminHome() {
  return useQuery({ queryKey: ['home', 'admin'], queryFn: getAdminHome });
}
