import { useQuery } from '@tanstack/react-query';
import type { RepairReportResponse } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** How fast the teacher repairs: repairs closed and open this term, and the median hours. */
export function getRepairReport(): Promise<RepairReportResponse> {
  return api.get<RepairReportResponse>('/api/practice/repairs');
}

export function useRepairReport() {
  return useQuery({ queryKey: practiceKeys.repairs, queryFn: getRepairReport });
}
