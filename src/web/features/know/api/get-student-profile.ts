import { useQuery } from '@tanstack/react-query';
import type { StudentProfileResponse } from '../../../../contracts/know.js';
import { api } from '../../../lib/api-client.js';
import { knowKeys } from './query-keys.js';

/** The part of a student's profile they shared with their teachers. */
export function getStudentProfile(studentId: string): Promise<StudentProfileResponse> {
  return api.get<StudentProfileResponse>(
    `/api/know/students/${encodeURIComponent(studentId)}/profile`,
  );
}

/** `enabled: false` until a non-teacher chooses to open it (their read is audited). */
export function useStudentProfile(studentId: string, enabled = true) {
  return useQuery({
    queryKey: knowKeys.studentProfile(studentId),
    queryFn: () => getStudentProfile(studentId),
    enabled,
  });
}
