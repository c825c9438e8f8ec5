import { describe, expect, it } from 'vitest';
import { accountRole, guardianOf, personKind } from './roles.js';

describe('roster roles', () => {
  it('a guardianship is a guardian and a student, whichever lists the other', () => {
    expect(guardianOf('student', 'guardian')).toBe('second');
    expect(guardianOf('guardian', 'student')).toBe('first');
    expect(guardianOf('student', 'staff')).toBeNull();
    expect(guardianOf('staff', 'staff')).toBeNull();
    expect(guardianOf('guardian', 'guardian')).toBeNull();
    expect(guardianOf(undefined, 'student')).toBeNull();
  });

  it('no roster role makes a district admin; administrators lead, aides teach', () => {
    for (const role of [
      'districtAdministrator',
      'systemAdministrator',
      'siteAdministrator',
      'principal',
      'counselor',
      'administrator',
    ])
      expect(accountRole(role)).toBe('leader');
    expect(['teacher', 'aide', 'proctor'].map(accountRole)).toEqual([
      'teacher',
      'teacher',
      'teacher',
    ]);
    expect(['parent', 'guardian', 'relative'].map(personKind)).toEqual([
      'guardian',
      'guardian',
      'guardian',
    ]);
    expect([personKind('student'), accountRole('student'), personKind('principal')]).toEqual([
      'student',
      'student',
      'staff',
    ]);
  });
});
