// Who may read and write what in know-your-students (issue 5, item 6). Reading a student's
// shared profile (their teachers today; a leader of their school or a district admin, audited)
// and handing out links (their teachers) are the access module's rules; what is this
// feature's own:
// - a student reads and edits only their own profile and answers (the actor's own person);
// - a one-time link's session answers the questionnaire it names, as the student it was made
//   for, and nothing else.
import type { Actor } from '../../platform/auth/actor.js';
import type { LinkActor } from '../../platform/links/links.js';
import { ForbiddenError } from '../../platform/errors.js';

/** Who answers a questionnaire: a signed-in student or teacher, about themselves. */
export interface Respondent {
  districtId: string;
  personId: string;
  kind: 'student' | 'teacher';
}

/**
 * The respondent of a questionnaire request: the signed-in student or teacher, or the student a
 * one-time link was made for, while its session lasts and only for the questionnaire it names.
 */
export function respondentOf(
  actor: Actor | null,
  link: LinkActor | null,
  questionnaireId: string,
): Respondent {
  if (actor) {
    if (!actor.personId || (actor.role !== 'student' && actor.role !== 'teacher'))
      throw new ForbiddenError('Only students and teachers answer this questionnaire.');
    return { districtId: actor.districtId, personId: actor.personId, kind: actor.role };
  }
  if (link && link.purpose === 'questionnaire' && link.targetId === questionnaireId)
    return { districtId: link.districtId, personId: link.personId, kind: 'student' };
  throw new ForbiddenError('This link is for another questionnaire.');
}

/** The student whose own profile this is: a signed-in student with a person. */
export function ownStudentOf(actor: Actor): { districtId: string; studentId: string } {
  if (actor.role !== 'student' || !actor.personId)
    throw new ForbiddenError('Only the student edits their own profile.');
  return { districtId: actor.districtId, studentId: actor.personId };
}
