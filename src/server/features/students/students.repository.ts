import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export function studentsRepository(db: Kysely<Database>) {
  return {
    async student(districtId: string, studentId: string) {
      return db
        .selectFrom('people as p')
        .leftJoin('schools as s', (j) =>
          j.onRef('s.district_id', '=', 'p.district_id').onRef('s.id', '=', 'p.school_id'),
        )
        .select([
          'p.id',
          'p.given_name',
          'p.preferred_name',
          'p.family_name',
          'p.pronouns',
          'p.grade',
          'p.school_id',
          's.name as schoolName',
        ])
        .where('p.district_id', '=', districtId)
        .where('p.id', '=', studentId)
        .where('p.kind', '=', 'student')
        .executeTakeFirst();
    },
    async classTitles(districtId: string, classIds: string[]) {
      if (classIds.length === 0) return [];
      return db
        .selectFrom('classes')
        .select(['id', 'title'])
        .where('district_id', '=', districtId)
        .where('id', 'in', classIds)
        .orderBy('title')
        .execute();
    },
    /** Kinds logged for a student in [start, end), optionally by one teacher only. */
    async kindCounts(
      districtId: string,
      studentId: string,
      start: string,
      end: string,
      teacherId: string | null,
    ) {
      let q = db
        .selectFrom('interactions')
        .select(['kind', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('district_id', '=', districtId)
        .where('student_id', '=', studentId)
        .where('occurred_at', '>=', start)
        .where('occurred_at', '<', end)
        .where('undone_at', 'is', null);
      if (teacherId) q = q.where('teacher_id', '=', teacherId);
      return q.groupBy('kind').execute();
    },
    /** The newest moments before `before` (today's end: no partition of a month to come is planned). */
    async recentByTeacher(
      districtId: string,
      studentId: string,
      teacherId: string,
      before: string,
      limit: number,
    ) {
      return db
        .selectFrom('interactions')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('student_id', '=', studentId)
        .where('teacher_id', '=', teacherId)
        .where('occurred_at', '<', before)
        .orderBy('occurred_at', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
