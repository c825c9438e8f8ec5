import { useQuery } from '@tanstack/react-query';
import type {
  AdministrationListResponse,
  AdministrationSetupResponse,
} from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

/** The administrations a leader (their school) or district admin (all) runs, with response rates. */
export function getAdministrations(): Promise<AdministrationListResponse> {
  return api.get<AdministrationListResponse>('/api/surveys/administrations');
}

export function useAdministrations() {
  return useQuery({ queryKey: surveyKeys.administrations, queryFn: getAdministrations });
}

/** What the new-administration form offers: instruments, current classes, grades. */
export function getAdministrationSetup(): Promise<AdministrationSetupResponse> {
  return api.get<AdministrationSetupResponse>('/api/surveys/administrations/setup');
}

export function useAdministrationSetup() {
  return useQuery({ queryKey: surveyKeys.setup, queryFn: getAdministrationSetup });
}
