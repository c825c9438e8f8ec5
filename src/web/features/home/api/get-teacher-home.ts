import { useQuery } from '@tanstack/react-query';
import type { TeacherHomeResponse } from '../../../../contracts/classes.js';
import { api } from '../../../lib/api-client.js';

export function getTeacherHome(): Promise<TeacherHomeResponse> {
  return api.get<TeacherHomeResponse>('/api/home/teacher');
}

export function useTeacherHome() {
  return useQuery({ queryKey: ['home', 'teacher'], queryFn: getTeacherHome });
}
