// A student's profile (issue 5, item 1): the answers a student writes about themselves, each
// with the student's choice of whether their teachers may see it. Pure rules; no I/O.
import { textLength } from './questionnaires.js';

/** The profile's fields in the order a student fills them in, with each one's length limit. */
export const PROFILE_FIELDS = [
  { field: 'preferred_name', maxLength: 60 },
  { field: 'pronouns', maxLength: 40 },
  { field: 'interests', maxLength: 500 },
  { field: 'strengths', maxLength: 500 },
  { field: 'goals', maxLength: 500 },
  { field: 'teacher_should_know', maxLength: 500 },
  // One aspect of the student's culture or background that matters a lot to them and one that
  // matters less (Gehlbach et al. 2023, as summarised in the research brief).
  { field: 'culture_matters_more', maxLength: 500 },
  { field: 'culture_matters_less', maxLength: 500 },
] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number]['field'];
export const PROFILE_FIELD_IDS: readonly ProfileField[] = PROFILE_FIELDS.map((f) => f.field);

export interface ProfileAnswer {
  value: string;
  shared: boolean;
}
export type ProfileInput = Partial<Record<ProfileField, ProfileAnswer | null>>;

/** A checked profile: the fields to keep (trimmed, non-blank) and those to remove. */
export interface CheckedProfile {
  keep: Array<{ field: ProfileField; value: string; shared: boolean }>;
  remove: ProfileField[];
}

/**
 * Checks a whole profile as the student saves it: every field either an answer within its
 * limit or absent (a blank answer removes the field). Returns the first problem with its field.
 */
export function checkProfile(
  input: ProfileInput,
): { ok: true; profile: CheckedProfile } | { ok: false; field: string; reason: string } {
  const keep: CheckedProfile['keep'] = [];
  const remove: ProfileField[] = [];
  for (const { field, maxLength } of PROFILE_FIELDS) {
    const answer = input[field];
    const value = answer?.value.trim() ?? '';
    if (value === '') {
      remove.push(field);
      continue;
    }
    const length = textLength(value);
    if (length > maxLength)
      return {
        ok: false,
        field: `fields.${field}.value`,
        reason: `at most ${maxLength} characters (got ${length})`,
      };
    keep.push({ field, value, shared: answer!.shared });
  }
  return { ok: true, profile: { keep, remove } };
}

/**
 * The name and pronouns a teacher sees: the student's own words from their profile where they
 * shared them, otherwise the roster's (docs/decisions/016-know-your-students.md).
 */
export function shownIdentity(
  roster: { givenName: string; preferredName: string | null; pronouns: string | null },
  shared: Partial<Record<ProfileField, string>>,
): { displayName: string; pronouns: string | null } {
  const rosterName = roster.preferredName?.trim() ? roster.preferredName.trim() : roster.givenName;
  return {
    displayName: shared.preferred_name ?? rosterName,
    pronouns: shared.pronouns ?? roster.pronouns,
  };
}
