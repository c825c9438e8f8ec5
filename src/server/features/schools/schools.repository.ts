import type { Kysely } from 'kysely';
import { POSITIVE_KINDS } from '../../../domain/interaction-kinds.js';
import type { Database } from '../../platform/db/schema.js';

export function schoolsRepository(db: Kysely<Database>) {
  return {
    async schools(districtId: string) {
      return db
        .selectFrom('schools')
        .select(['id', 'name'])
        .where('district_id', '=', districtId)
        .where('active', '=', 1)
        .orderBy('name')
        .execute();
    },
    async districtName(districtId: string) {
      const d = await db
        .selectFrom('districts')
        .select('name')
        .where('id', '=', districtId)
        .executeTakeFirstOrThrow();
      return d.name;
    },
    async peopleCounts(districtId: string, schoolId: string) {
      return db
        .selectFrom('people')
        .select(['kind', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('district_id', '=', districtId)
        .where('school_id', '=', schoolId)
        .where('active', '=', 1)
        .groupBy('kind')
        .execute();
    },
    /** Interactions about the school's students in [start, end), by kind, with distinct loggers. */
    async interactionTotals(districtId: string, schoolId: string, start: string, end: string) {
      const byKind = await db
        .selectFrom('interactions as i')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'i.district_id').onRef('p.id', '=', 'i.student_id'),
        )
        .select(['i.kind', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('i.district_id', '=', districtId)
        .where('p.school_id', '=', schoolId)
        .where('i.occurred_at', '>=', start)
        .where('i.occurred_at', '<', end)
        .where('i.undone_at', 'is', null)
        .groupBy('i.kind')
        .execute();
      const loggers = await db
        .selectFrom('interactions as i')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'i.district_id').onRef('p.id', '=', 'i.student_id'),
        )
        .select((eb) => eb.fn.count<number | string>('i.teacher_id').distinct().as('n'))
        .where('i.district_id', '=', districtId)
        .where('p.school_id', '=', schoolId)
        .where('i.occurred_at', '>=', start)
        .where('i.occurred_at', '<', end)
        .where('i.undone_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { byKind, loggers: Number(loggers.n) };
    },
    /** Active students of the school with no positive interaction in [start, end). */
    async studentsWithoutPositive(
      districtId: string,
      schoolId: string,
      start: string,
      end: string,
    ) {
      const row = await db
        .selectFrom('people as p')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('p.district_id', '=', districtId)
        .where('p.school_id', '=', schoolId)
        .where('p.kind', '=', 'student')
        .where('p.active', '=', 1)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('interactions as i')
                .select('i.id')
                .whereRef('i.district_id', '=', 'p.district_id')
                .whereRef('i.student_id', '=', 'p.id')
                .where('i.kind', 'in', [...POSITIVE_KINDS])
                .where('i.occurred_at', '>=', start)
                .where('i.occurred_at', '<', end)
                .where('i.undone_at', 'is', null),
            ),
          ),
        )
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
