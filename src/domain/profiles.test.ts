import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_FIELDS, PROFILE_FIELD_IDS, checkProfile, shownIdentity } from './profiles.js';

describe('checkProfile', () => {
  const answer = fc.record({ value: fc.string({ maxLength: 80 }), shared: fc.boolean() });
  const profile = fc.record(
    Object.fromEntries(PROFILE_FIELD_IDS.map((f) => [f, answer])) as Record<
      (typeof PROFILE_FIELD_IDS)[number],
      typeof answer
    >,
    { requiredKeys: [] },
  );

  it('keeps each non-blank answer trimmed with its sharing choice, and removes the rest', () => {
    fc.assert(
      fc.property(profile, (input) => {
        const r = checkProfile(input);
        const tooLong = PROFILE_FIELDS.find(
          (f) => [...(input[f.field]?.value.trim() ?? '')].length > f.maxLength,
        );
        if (tooLong) {
          expect(r).toMatchObject({ ok: false, field: `fields.${tooLong.field}.value` });
          return;
        }
        if (!r.ok) throw new Error(`refused ${r.field}`);
        for (const f of PROFILE_FIELD_IDS) {
          const value = input[f]?.value.trim() ?? '';
          const kept = r.profile.keep.find((k) => k.field === f);
          if (value === '') {
            expect(kept).toBeUndefined();
            expect(r.profile.remove).toContain(f);
          } else expect(kept).toEqual({ field: f, value, shared: input[f]!.shared });
        }
      }),
    );
  });

  it('names the field and its limit when an answer is too long', () => {
    expect(checkProfile({ pronouns: { value: 'p'.repeat(41), shared: false } })).toEqual({
      ok: false,
      field: 'fields.pronouns.value',
      reason: 'at most 40 characters (got 41)',
    });
    expect(checkProfile({ pronouns: { value: 'p'.repeat(40), shared: false } }).ok).toBe(true);
  });
});

describe('shownIdentity', () => {
  const roster = { givenName: 'Alejandro', preferredName: 'Alex', pronouns: 'he/him' };
  it("uses the student's shared words first, then the roster's", () => {
    expect(shownIdentity(roster, {})).toEqual({ displayName: 'Alex', pronouns: 'he/him' });
    expect(shownIdentity(roster, { preferred_name: 'Alejo', pronouns: 'they/them' })).toEqual({
      displayName: 'Alejo',
      pronouns: 'they/them',
    });
    expect(shownIdentity({ ...roster, preferredName: ' ' }, {})).toEqual({
      displayName: 'Alejandro',
      pronouns: 'he/him',
    });
  });
});
