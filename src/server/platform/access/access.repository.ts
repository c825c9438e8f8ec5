// Shared access queries: who teaches which class and which students, today. Feature policies
// call these before any student data is read. Every query is scoped to the district.
import type { Kysely } from 'kysely';
import type { TermCalendar } from '../../../domain/calendar.js';
import { enrollmentActiveOn } from '../db/conditions.js';
import type { Database } from '../db/schema.js';

/**
 * The rows pairing a teacher's classes today with the students actively enrolled in them
 * (aliases: te = teacher enrollment, c = class, t = term, se = student enrollment). Callers add
 * their own columns and filters; every caller of "who does this teacher teach" starts here.
 */
export function teacherStudents(
  db: Kysely<Database>,
  districtId: string,
  teacherId: string,
  today: string,
) {
  return db
    .selectFrom('enrollments as te')
    .innerJoin('classes as c', (j) =>
      j.onRef('c.district_id', '=', 'te.district_id').onRef('c.id', '=', 'te.class_id'),
    )
    .innerJoin('terms as t', (j) =>
      j.onRef('t.district_id', '=', 'c.district_id').onRef('t.id', '=', 'c.term_id'),
    )
    .innerJoin('enrollments as se', (j) =>
      j.onRef('se.district_id', '=', 'te.district_id').onRef('se.class_id', '=', 'te.class_id'),
    )
    .where('te.district_id', '=', districtId)
    .where('te.person_id', '=', teacherId)
    .where('te.role', '=', 'teacher')
    .where(enrollmentActiveOn('te', today))
    .where('c.active', '=', 1)
    .where('t.start_date', '<=', today)
    .where('t.end_date', '>=', today)
    .where('se.role', '=', 'student')
    .where(enrollmentActiveOn('se', today));
}

export function accessRepository(db: Kysely<Database>) {
  return {
    /** The classes a teacher teaches in a term that includes `today`. */
    async teacherClassIds(districtId: string, teacherId: string, today: string): Promise<string[]> {
      const rows = await db
        .selectFrom('enrollments as e')
        .innerJoin('classes as c', (j) =>
          j.onRef('c.district_id', '=', 'e.district_id').onRef('c.id', '=', 'e.class_id'),
        )
        .innerJoin('terms as t', (j) =>
          j.onRef('t.district_id', '=', 'c.district_id').onRef('t.id', '=', 'c.term_id'),
        )
        .select('e.class_id')
        .where('e.district_id', '=', districtId)
        .where('e.person_id', '=', teacherId)
        .where('e.role', '=', 'teacher')
        .where('c.active', '=', 1)
        .where('t.start_date', '<=', today)
        .where('t.end_date', '>=', today)
        .where(enrollmentActiveOn('e', today))
        .execute();
      return rows.map((r) => r.class_id);
    },

    /** A class's students actively enrolled on `today`, by family and given name. */
    async classStudents(districtId: string, classId: string, today: string) {
      return db
        .selectFrom('enrollments as e')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'e.district_id').onRef('p.id', '=', 'e.person_id'),
        )
        .select(['p.id', 'p.given_name', 'p.preferred_name', 'p.family_name'])
        .where('e.district_id', '=', districtId)
        .where('e.class_id', '=', classId)
        .where('e.role', '=', 'student')
        .where(enrollmentActiveOn('e', today))
        .where('p.active', '=', 1)
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .orderBy('p.id')
        .execute();
    },

    /** For each of `studentIds`, the classes (among `classIds`) they are actively enrolled in. */
    async studentsInClasses(
      districtId: string,
      classIds: string[],
      studentIds: string[],
      today: string,
    ) {
      if (classIds.length === 0 || studentIds.length === 0) return [];
      return db
        .selectFrom('enrollments as e')
        .select(['e.person_id', 'e.class_id'])
        .where('e.district_id', '=', districtId)
        .where('e.role', '=', 'student')
        .where('e.class_id', 'in', classIds)
        .where('e.person_id', 'in', studentIds)
        .where(enrollmentActiveOn('e', today))
        .execute();
    },

    /** Whether the person is, or was, enrolled as a teacher of the class (past terms too). */
    async taughtClassEver(districtId: string, teacherId: string, classId: string) {
      const row = await db
        .selectFrom('enrollments')
        .select('class_id')
        .where('district_id', '=', districtId)
        .where('class_id', '=', classId)
        .where('person_id', '=', teacherId)
        .where('role', '=', 'teacher')
        .executeTakeFirst();
      return row !== undefined;
    },

    async classSchool(districtId: string, classId: string) {
      return db
        .selectFrom('classes')
        .select(['id', 'school_id'])
        .where('district_id', '=', districtId)
        .where('id', '=', classId)
        .executeTakeFirst();
    },

    async studentSchool(districtId: string, studentId: string) {
      return db
        .selectFrom('people')
        .select(['id', 'school_id'])
        .where('district_id', '=', districtId)
        .where('id', '=', studentId)
        .where('kind', '=', 'student')
        .executeTakeFirst();
    },

    async term(districtId: string, termId: string) {
      const term = await db
        .selectFrom('terms')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('id', '=', termId)
        .executeTakeFirst();
      if (!term) return undefined;
      // The term's own days off and the district's (an uploaded .ics, manual edits) within it.
      const daysOff = await db
        .selectFrom('term_days_off')
        .select('date')
        .where('district_id', '=', districtId)
        .where('term_id', '=', termId)
        .union(
          db
            .selectFrom('days_off')
            .select('date')
            .where('district_id', '=', districtId)
            .where('date', '>=', term.start_date)
            .where('date', '<=', term.end_date),
        )
        .execute();
      const days = new Set(daysOff.map((d) => d.date));
      const calendar: TermCalendar = {
        startDate: term.start_date,
        endDate: term.end_date,
        daysOff: days,
      };
      return { ...term, daysOff: days, calendar };
    },

    /**
     * The district's term that includes `today`. A roster nests sessions (a school year, its
     * semesters, their grading periods): the widest one that includes today is the calendar,
     * so a ten-school-day window or a two-by-ten plan runs on across a grading period's end.
     */
    async currentTerm(districtId: string, today: string) {
      const t = await db
        .selectFrom('terms')
        .select('id')
        .where('district_id', '=', districtId)
        .where('start_date', '<=', today)
        .where('end_date', '>=', today)
        .where('active', '=', 1)
        .orderBy('start_date', 'asc')
        .orderBy('end_date', 'desc')
        .orderBy('id')
        .executeTakeFirst();
      return t ? this.term(districtId, t.id) : undefined;
    },

    /**
     * Every student actively enrolled today in a class this teacher teaches today, with the
     * class and its term's bounds: what a teacher may log for. One query.
     */
    async teacherRoster(districtId: string, teacherId: string, today: string) {
      return teacherStudents(db, districtId, teacherId, today)
        .select([
          'se.person_id as studentId',
          'se.class_id as classId',
          't.start_date',
          't.end_date',
        ])
        .orderBy('se.class_id')
        .execute();
    },
  };
}
