import { keepPreviousData, useQuery } from '@tanstack/react-query';
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

/**
 * What the new-administration form offers: schools, instruments, and the current classes and
 * grades of the chosen school ('' : a district admin's district-wide survey, by grade).
 */
export function getAdministrationSetup(schoolId: string): Promise<AdministrationSetupResponse> {
  const query = schoolId ? `?schoolId=${encodeURIComponent(schoolId)}` : '';
  return api.get<AdministrationSetupResponse>(`/api/surveys/administrations/setup${query}`);
}

export function useAdministrationSetup(schoolId: string) {
  return useQuery({
    queryKey: surveyKeys.setup(schoolId),
    queryFn: () => getAdministrationSetup(schoolId),
    // Keeps the form (and what was typed) while another school's classes load.
    placeholderData: keepPreviousData,
  });
}
