import { useMutation } from '@tanstack/react-query';
import type {
  QuestionnaireLinkResponse,
  StopQuestionnaireLinkResponse,
} from '../../../../contracts/know.js';
import { api } from '../../../lib/api-client.js';

/** A new one-time link for one of the teacher's students (it replaces their open one). */
export function createQuestionnaireLink(studentId: string): Promise<QuestionnaireLinkResponse> {
  return api.post<QuestionnaireLinkResponse>(
    `/api/know/students/${encodeURIComponent(studentId)}/links`,
  );
}

export function useCreateQuestionnaireLink() {
  return useMutation({ mutationFn: createQuestionnaireLink });
}

/** Stops the student's link: an unused one no longer opens; an open session ends. */
export function stopQuestionnaireLink(studentId: string): Promise<StopQuestionnaireLinkResponse> {
  return api.delete<StopQuestionnaireLinkResponse>(
    `/api/know/students/${encodeURIComponent(studentId)}/links`,
  );
}

export function useStopQuestionnaireLink() {
  return useMutation({ mutationFn: stopQuestionnaireLink });
}
