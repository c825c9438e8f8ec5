// The one place that answers "who may see whom" (STYLE.md, "Access"; as Immich's requireAccess
// and Outline's policy helpers). Every service asks it before it reads student data; a feature
// policy keeps only a rule that is truly its own and builds it from these predicates.
//
// - A teacher reaches a class while they teach it today, and a student while the two share a
//   class today (an active enrollment on both sides, a term that includes today).
// - A leader reaches their own school; a district admin every school of the district.
// - Anything not allowed reads as "not found", so existence is never revealed.
// Every query is scoped to the actor's district (access.repository.ts).
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { RequestContext } from '../context/request-context.js';
import type { Database } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { accessRepository } from './access.repository.js';
import { teacherRosterToday, type RosterPlace } from './roster-cache.js';

/** How a reader reaches a student: as one of their teachers, or as a leader or admin (audited). */
export type StudentAccess =
  { as: 'teacher'; sharedClassIds: string[] } | { as: 'leader' | 'district_admin' };

/** A signed-in teacher with a person in the roster. */
export function isTeacher(actor: Actor): actor is Actor & { role: 'teacher'; personId: string } {
  return actor.role === 'teacher' && actor.personId !== null;
}

/** A leader of this school, or an admin of its district. */
export function leadsSchool(actor: Actor, schoolId: string | null): boolean {
  if (actor.role === 'district_admin') return true;
  return actor.role === 'leader' && schoolId !== null && actor.schoolId === schoolId;
}

/** The school whose data this actor manages, or null for the whole district (an admin). */
export function managedSchool(actor: Actor): string | null {
  if (actor.role === 'district_admin') return null;
  if (actor.role === 'leader' && actor.schoolId) return actor.schoolId;
  throw new ForbiddenError('Only school leaders and district admins manage this.');
}

/** The teacher's person id, or ForbiddenError for anyone else. */
export function teacherOf(actor: Actor): string {
  if (!isTeacher(actor))
    throw new ForbiddenError('Only a teacher with a roster has a practice and students here.');
  return actor.personId;
}

// The classes a teacher teaches today, read once per request however many checks ask. A read
// that fails is forgotten, so a retry (the read router's fallback from a replica that went down
// to the primary) asks the database again instead of getting the same failure.
const taughtToday = new WeakMap<RequestContext, Promise<string[]>>();

/** The access questions for one request. */
export function access(db: Kysely<Database>, ctx: RequestContext) {
  const { actor, today } = ctx;
  const repo = accessRepository(db);

  const taughtClassIds = (): Promise<string[]> => {
    if (!isTeacher(actor)) return Promise.resolve([]);
    let ids = taughtToday.get(ctx);
    if (!ids) {
      ids = repo.teacherClassIds(actor.districtId, actor.personId, today);
      taughtToday.set(ctx, ids);
      ids.catch(() => taughtToday.delete(ctx));
    }
    return ids;
  };

  /** The classes this teacher teaches today that the student is actively enrolled in. */
  const classesSharedWith = async (studentId: string): Promise<string[]> => {
    const taught = await taughtClassIds();
    const rows = await repo.studentsInClasses(actor.districtId, taught, [studentId], today);
    return [...new Set(rows.map((r) => r.class_id))];
  };

  return {
    taughtClassIds,
    classesSharedWith,

    async teachesClass(classId: string): Promise<boolean> {
      return (await taughtClassIds()).includes(classId);
    },

    /**
     * Whether this teacher teaches, or taught, the class: a survey's results about a class
     * stay the teacher's after the term that held it has ended.
     */
    async hasTaughtClass(classId: string): Promise<boolean> {
      if (!isTeacher(actor)) return false;
      if ((await taughtClassIds()).includes(classId)) return true;
      return repo.taughtClassEver(actor.districtId, actor.personId, classId);
    },

    /** A teacher opens a class only while teaching it. */
    async requireTeachesClass(classId: string): Promise<{ teacherId: string }> {
      const teacherId = teacherOf(actor);
      if (!(await taughtClassIds()).includes(classId)) throw new NotFoundError('This class');
      return { teacherId };
    },

    /** A teacher reaches a student only while they share a class today. */
    async requireTeachesStudent(
      studentId: string,
    ): Promise<{ teacherId: string; sharedClassIds: string[] }> {
      const teacherId = teacherOf(actor);
      const sharedClassIds = await classesSharedWith(studentId);
      if (sharedClassIds.length === 0) throw new NotFoundError('This student');
      return { teacherId, sharedClassIds };
    },

    /**
     * A student's details are read by their teachers today, a leader of the student's school
     * and the district's admins; the latter two are non-owner reads the caller audits.
     */
    async requireStudentReader(studentId: string): Promise<StudentAccess> {
      if (isTeacher(actor)) {
        const sharedClassIds = await classesSharedWith(studentId);
        if (sharedClassIds.length > 0) return { as: 'teacher', sharedClassIds };
      } else if (actor.role === 'leader' || actor.role === 'district_admin') {
        const student = await repo.studentSchool(actor.districtId, studentId);
        if (student && leadsSchool(actor, student.school_id)) return { as: actor.role };
      }
      throw new NotFoundError('This student');
    },

    /** A leader of this school or a district admin; else the school is "not found". */
    requireLeadsSchool(schoolId: string): void {
      if (!leadsSchool(actor, schoolId)) throw new NotFoundError('This school');
    },

    /** A class of a school this actor leads (any school of the district for an admin). */
    async requireLeadsSchoolOfClass(classId: string): Promise<void> {
      const cls = await repo.classSchool(actor.districtId, classId);
      if (!cls || !leadsSchool(actor, cls.school_id)) throw new NotFoundError('This class');
    },

    /**
     * Where the teacher may log for each student today (studentId → classes with their term's
     * bounds): the hot path, so it comes from the short roster cache (roster-cache.ts).
     */
    async loggingPlaces(): Promise<Map<string, RosterPlace[]>> {
      return teacherRosterToday(db, actor.districtId, teacherOf(actor), today);
    },
  };
}

export type Access = ReturnType<typeof access>;
