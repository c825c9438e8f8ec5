import { useQuery } from '@tanstack/react-query';
import type { MyProfileResponse } from '../../../../contracts/know.js';
import { api } from '../../../lib/api-client.js';
import { knowKeys } from './query-keys.js';

/** The signed-in student's own profile, every answer with their sharing choice. */
export function getMyProfile(): Promise<MyProfileResponse> {
  return api.get<MyProfileResponse>('/api/know/profile/mine');
}

export function useMyProfile() {
  return useQuery({ queryKey: knowKeys.myProfile, queryFn: getMyProfile });
}
