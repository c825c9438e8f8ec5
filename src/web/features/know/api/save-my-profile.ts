import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MyProfileResponse, SaveProfileBody } from '../../../../contracts/know.js';
import { api } from '../../../lib/api-client.js';
import { knowKeys } from './query-keys.js';

/** Saves the whole profile; a field left out or blank is removed. */
export function saveMyProfile(body: SaveProfileBody): Promise<MyProfileResponse> {
  return api.put<MyProfileResponse>('/api/know/profile/mine', body);
}

export function useSaveMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMyProfile,
    onSuccess: (profile) => queryClient.setQueryData(knowKeys.myProfile, profile),
  });
}
