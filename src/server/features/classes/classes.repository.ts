import type { Kysely } from 'kysely';
import { enrollmentActiveOn } from '../../platform/db/conditions.js';
import type { Database } from '../../platform/db/schema.js';

export function classesRepository(db: Kysely<Database>) {
  return {
    /** Class rows (with school and term) for the given ids, in period order. */
    async classes(districtId: string, classIds: string[]) {
      if (classIds.length === 0) return [];
      return db
        .selectFrom('classes as c')
        .innerJoin('schools as s', (j) =>
          j.onRef('s.district_id', '=', 'c.district_id').onRef('s.id', '=', 'c.school_id'),
        )
        .innerJoin('terms as t', (j) =>
          j.onRef('t.district_id', '=', 'c.district_id').onRef('t.id', '=', 'c.term_id'),
        )
        .select([
          'c.id',
          'c.title',
          'c.period',
          'c.room',
          'c.meeting_days',
          'c.term_id',
          's.name as schoolName',
          't.name as termName',
        ])
        .where('c.district_id', '=', districtId)
        .where('c.id', 'in', classIds)
        .orderBy('c.period')
        .orderBy('c.title')
        .execute();
    },

    async studentCounts(districtId: string, classIds: string[], today: string) {
      if (classIds.length === 0) return [];
      return db
        .selectFrom('enrollments as e')
        .select(['e.class_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('e.district_id', '=', districtId)
        .where('e.class_id', 'in', classIds)
        .where('e.role', '=', 'student')
        .where(enrollmentActiveOn('e', today))
        .groupBy('e.class_id')
        .execute();
    },

    async roster(districtId: string, classId: string, today: string) {
      return db
        .selectFrom('enrollments as e')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'e.district_id').onRef('p.id', '=', 'e.person_id'),
        )
        .select(['p.id', 'p.given_name', 'p.preferred_name', 'p.family_name', 'p.pronouns'])
        .where('e.district_id', '=', districtId)
        .where('e.class_id', '=', classId)
        .where('e.role', '=', 'student')
        .where(enrollmentActiveOn('e', today))
        .execute();
    },

    /** Counts per student and kind of what this teacher logged in this class in [start, end). */
    async countsByStudent(
      districtId: string,
      teacherId: string,
      classId: string,
      start: string,
      end: string,
    ) {
      return db
        .selectFrom('interactions')
        .select(['student_id', 'kind', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('class_id', '=', classId)
        .where('occurred_at', '>=', start)
        .where('occurred_at', '<', end)
        .where('undone_at', 'is', null)
        .groupBy(['student_id', 'kind'])
        .execute();
    },
  };
}
