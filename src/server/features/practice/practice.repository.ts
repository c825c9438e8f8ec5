// Reads and writes of the daily practice: every query is scoped to the district and to one
// teacher (the dyads are theirs), so no query here can reach another teacher's practice.
import { sql, type Kysely } from 'kysely';
import { NOT_CONTACT_KINDS, POSITIVE_KINDS } from '../../../domain/interaction-kinds.js';
import { REPAIR_CLOSERS, REPAIR_NOT_NEEDED, REPAIR_OPENERS } from '../../../domain/repairs.js';
import { teacherStudents } from '../../platform/access/access.repository.js';
import { isPostgres } from '../../platform/db/partitions.js';
import type { Database } from '../../platform/db/schema.js';

type K = Kysely<Database>;

/** One dyad's signals (practiceRepository.dyadSignals). */
export interface DyadSignalRow {
  student_id: string;
  last_positive: string | null;
  /** When the open repair began, if one is open. */
  first_open: string | null;
  /** The dyad's moments in the range, counted up to the caller's cap. */
  moments: number;
}

export function practiceRepository(db: K) {
  return {
    /** The teacher's students today (optionally one class or one student), with names and classes. */
    async students(
      districtId: string,
      teacherId: string,
      today: string,
      filter: { classId?: string; studentId?: string } = {},
    ) {
      let q = teacherStudents(db, districtId, teacherId, today)
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'se.district_id').onRef('p.id', '=', 'se.person_id'),
        )
        .select([
          'p.id',
          'p.given_name',
          'p.preferred_name',
          'p.family_name',
          'p.pronouns',
          'p.grade',
          'se.class_id',
          'c.term_id',
        ]);
      if (filter.classId !== undefined) q = q.where('te.class_id', '=', filter.classId);
      if (filter.studentId !== undefined) q = q.where('se.person_id', '=', filter.studentId);
      return q.execute();
    },

    /** Counts per student and kind of this teacher's moments in [start, end). */
    async kindCounts(
      districtId: string,
      teacherId: string,
      start: string,
      end: string,
      studentId?: string,
    ) {
      let q = db
        .selectFrom('interactions')
        .select(['student_id', 'kind', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('occurred_at', '>=', start)
        .where('occurred_at', '<', end)
        .where('undone_at', 'is', null);
      if (studentId !== undefined) q = q.where('student_id', '=', studentId);
      return q.groupBy(['student_id', 'kind']).execute();
    },

    /** This teacher's positive and correction moments in [start, end), for daily series. */
    async ratioMoments(
      districtId: string,
      teacherId: string,
      start: string,
      end: string,
      studentIds?: string[],
    ) {
      if (studentIds && studentIds.length === 0) return [];
      let q = db
        .selectFrom('interactions')
        .select(['student_id', 'kind', 'occurred_at'])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('occurred_at', '>=', start)
        .where('occurred_at', '<', end)
        .where('undone_at', 'is', null)
        .where('kind', 'in', [...POSITIVE_KINDS, 'correction']);
      if (studentIds) q = q.where('student_id', 'in', studentIds);
      return q.execute();
    },

    /**
     * Per-dyad signals of these students with the teacher in [since, until): the newest
     * positive moment, the open repair's start (the first correction or incident later than the
     * newest closer, the rule of src/domain/repairs.ts) and how many moments the dyad has, up to
     * `cap`. Two ways to the same answer (property-tested against the domain on both):
     * - PostgreSQL: one pass over the teacher's moments of the term, from the teacher index
     *   (district, teacher, occurred_at, student, kind, undone_at) alone. Per-student lookups
     *   there each open every month partition of the term: planning a hundred of them cost more
     *   than running them (district bench).
     * - SQLite: per-student lookups walking the dyad index from one end, a few rows per student
     *   whatever the history's length. A single pass read every moment of the term, which for a
     *   teacher logging ~190 moments a day took the practice bench's p95 from 25 to 169 ms.
     */
    async dyadSignals(
      districtId: string,
      teacherId: string,
      studentIds: string[],
      since: string,
      until: string,
      cap: number,
    ): Promise<DyadSignalRow[]> {
      if (studentIds.length === 0) return [];
      const rows = isPostgres(db)
        ? await this.dyadSignalsOnePass(districtId, teacherId, since, until)
        : await this.dyadSignalsPerStudent(districtId, teacherId, studentIds, since, until, cap);
      const wanted = new Set(studentIds);
      return rows
        .filter((r) => wanted.has(r.student_id))
        .map((r) => ({
          student_id: r.student_id,
          last_positive: r.last_positive,
          first_open: r.first_open,
          moments: Math.min(Number(r.moments ?? 0), cap),
        }));
    },

    /** dyadSignals on PostgreSQL: every student the teacher has moments with in the range. */
    async dyadSignalsOnePass(districtId: string, teacherId: string, since: string, until: string) {
      const moments = db
        .selectFrom('interactions')
        .select(['student_id', 'kind', 'occurred_at'])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('occurred_at', '>=', since)
        .where('occurred_at', '<', until)
        .where('undone_at', 'is', null)
        .unionAll(
          db
            .selectFrom('incidents')
            .select(['student_id', sql<string>`'incident'`.as('kind'), 'occurred_at'])
            .where('district_id', '=', districtId)
            .where('teacher_id', '=', teacherId)
            .where('occurred_at', '>=', since)
            .where('occurred_at', '<', until),
        )
        .unionAll(this.notNeededMarks(districtId, teacherId, since, until));
      /** The newest moment of these kinds, per student. */
      const newest = (kinds: readonly string[]) =>
        sql<
          string | null
        >`max(case when m.kind in (${sql.join([...kinds])}) then m.occurred_at end)`;
      return db
        .with('m', () => moments)
        .with('c', (qb) =>
          qb
            .selectFrom('m')
            .select([
              'm.student_id',
              newest([...REPAIR_CLOSERS, REPAIR_NOT_NEEDED]).as('last_closer'),
            ])
            .groupBy('m.student_id'),
        )
        .selectFrom('m')
        .innerJoin('c', 'c.student_id', 'm.student_id')
        .select([
          'm.student_id',
          newest([...POSITIVE_KINDS]).as('last_positive'),
          sql<string | null>`min(case when m.kind in (${sql.join([
            ...REPAIR_OPENERS,
            'incident',
          ])}) and (c.last_closer is null or m.occurred_at > c.last_closer) then m.occurred_at end)`.as(
            'first_open',
          ),
          sql<number | string>`count(case when m.kind not in (${sql.join([
            'incident',
            REPAIR_NOT_NEEDED,
            ...NOT_CONTACT_KINDS,
          ])}) then 1 end)`.as('moments'),
        ])
        .groupBy('m.student_id')
        .execute();
    },

    /** dyadSignals on SQLite: correlated lookups per student through the dyad index. */
    async dyadSignalsPerStudent(
      districtId: string,
      teacherId: string,
      studentIds: string[],
      since: string,
      until: string,
      cap: number,
    ) {
      const rows = await db
        .selectFrom('people as p')
        .select((eb) => {
          const dyad = (kinds: readonly string[]) =>
            eb
              .selectFrom('interactions as i')
              .where('i.district_id', '=', districtId)
              .where('i.teacher_id', '=', teacherId)
              .whereRef('i.student_id', '=', 'p.id')
              .where('i.occurred_at', '>=', since)
              .where('i.occurred_at', '<', until)
              .where('i.undone_at', 'is', null)
              .where('i.kind', 'in', [...kinds]);
          const lastCloser = dyad(REPAIR_CLOSERS)
            .select('i.occurred_at')
            .orderBy('i.occurred_at', 'desc')
            .limit(1);
          const lastNotNeeded = eb
            .selectFrom('repair_closures as x')
            .select('x.closed_at')
            .where('x.district_id', '=', districtId)
            .where('x.teacher_id', '=', teacherId)
            .whereRef('x.student_id', '=', 'p.id')
            .where('x.closed_at', '>=', since)
            .where('x.closed_at', '<', until)
            .where('x.undone_at', 'is', null)
            .orderBy('x.closed_at', 'desc')
            .limit(1);
          // One bound per student, so each lookup is a range scan of the dyad index. Without a
          // closer, '' (before every instant): an opener at the range's very start counts.
          // SQLite's two-argument max() is the later of the two closers.
          const afterClose = sql<string>`max(${eb.fn.coalesce(lastCloser, eb.val(''))}, ${eb.fn.coalesce(lastNotNeeded, eb.val(''))})`;
          return [
            'p.id as student_id',
            dyad([...POSITIVE_KINDS])
              .select('i.occurred_at')
              .orderBy('i.occurred_at', 'desc')
              .limit(1)
              .as('last_positive'),
            dyad(REPAIR_OPENERS)
              .select('i.occurred_at')
              .where('i.occurred_at', '>', afterClose)
              .orderBy('i.occurred_at', 'asc')
              .limit(1)
              .as('first_correction_open'),
            eb
              .selectFrom('incidents as n')
              .select('n.occurred_at')
              .where('n.district_id', '=', districtId)
              .where('n.teacher_id', '=', teacherId)
              .whereRef('n.student_id', '=', 'p.id')
              .where('n.occurred_at', '>=', since)
              .where('n.occurred_at', '<', until)
              .where('n.occurred_at', '>', afterClose)
              .orderBy('n.occurred_at', 'asc')
              .limit(1)
              .as('first_incident_open'),
            eb
              .selectFrom(
                eb
                  .selectFrom('interactions as i')
                  .select('i.id')
                  .where('i.district_id', '=', districtId)
                  .where('i.teacher_id', '=', teacherId)
                  .whereRef('i.student_id', '=', 'p.id')
                  .where('i.occurred_at', '>=', since)
                  .where('i.occurred_at', '<', until)
                  .where('i.undone_at', 'is', null)
                  .where('i.kind', 'not in', [...NOT_CONTACT_KINDS])
                  .limit(cap)
                  .as('c'),
              )
              .select((e2) => e2.fn.countAll<number | string>().as('n'))
              .as('moments'),
          ];
        })
        .where('p.district_id', '=', districtId)
        .where('p.id', 'in', studentIds)
        .execute();
      return rows.map((r) => ({
        student_id: r.student_id,
        last_positive: r.last_positive,
        first_open:
          [r.first_correction_open, r.first_incident_open]
            .filter((v): v is string => v !== null)
            .sort()[0] ?? null,
        moments: r.moments,
      }));
    },

    /** Openers and closers of one dyad (or all of a teacher's dyads) since `since`, for episodes. */
    async repairEvents(
      districtId: string,
      teacherId: string,
      since: string,
      until: string,
      studentId?: string,
    ) {
      let moments = db
        .selectFrom('interactions')
        .select(['student_id', 'kind', 'occurred_at'])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('occurred_at', '>=', since)
        .where('occurred_at', '<', until)
        .where('undone_at', 'is', null)
        .where('kind', 'in', [...REPAIR_OPENERS, ...REPAIR_CLOSERS]);
      let incidents = db
        .selectFrom('incidents')
        .select(['student_id', sql<string>`'incident'`.as('kind'), 'occurred_at'])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('occurred_at', '>=', since)
        .where('occurred_at', '<', until);
      let marks = this.notNeededMarks(districtId, teacherId, since, until);
      if (studentId !== undefined) {
        moments = moments.where('student_id', '=', studentId);
        incidents = incidents.where('student_id', '=', studentId);
        marks = marks.where('student_id', '=', studentId);
      }
      return moments.unionAll(incidents).unionAll(marks).execute();
    },

    /** The teacher's standing "not needed" marks in [since, until), as repair events. */
    notNeededMarks(districtId: string, teacherId: string, since: string, until: string) {
      return db
        .selectFrom('repair_closures')
        .select([
          'student_id',
          sql<string>`${sql.lit(REPAIR_NOT_NEEDED)}`.as('kind'),
          'closed_at as occurred_at',
        ])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('closed_at', '>=', since)
        .where('closed_at', '<', until)
        .where('undone_at', 'is', null);
    },

    async repairClosureByClientId(districtId: string, authorAccountId: string, clientId: string) {
      return db
        .selectFrom('repair_closures')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('author_account_id', '=', authorAccountId)
        .where('client_id', '=', clientId)
        .executeTakeFirst();
    },

    /** Records a "not needed" mark; a replayed client id changes nothing. */
    async insertRepairClosure(row: Database['repair_closures']) {
      await db
        .insertInto('repair_closures')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['district_id', 'author_account_id', 'client_id']).doNothing(),
        )
        .execute();
    },

    async undoRepairClosure(districtId: string, id: string, at: string) {
      await db
        .updateTable('repair_closures')
        .set({ undone_at: at })
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .where('undone_at', 'is', null)
        .execute();
    },

    async conversationDates(
      districtId: string,
      teacherId: string,
      studentIds: string[],
      start: string,
      end: string,
    ) {
      if (studentIds.length === 0) return [];
      return db
        .selectFrom('interactions')
        .select(['student_id', 'occurred_at'])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('student_id', 'in', studentIds)
        .where('kind', '=', 'conversation')
        .where('occurred_at', '>=', start)
        .where('occurred_at', '<', end)
        .where('undone_at', 'is', null)
        .execute();
    },

    async plans(
      districtId: string,
      teacherId: string,
      filter: { studentId?: string; status?: 'active' } = {},
    ) {
      let q = db
        .selectFrom('plans')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId);
      if (filter.studentId !== undefined) q = q.where('student_id', '=', filter.studentId);
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      return q.orderBy('created_at', 'desc').execute();
    },

    async latestStages(districtId: string, teacherId: string, studentId?: string) {
      let q = db
        .selectFrom('dyad_stages')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId);
      if (studentId !== undefined) q = q.where('student_id', '=', studentId);
      return q.orderBy('set_at', 'asc').execute();
    },

    async insertStage(row: Database['dyad_stages']) {
      await db.insertInto('dyad_stages').values(row).execute();
    },

    async flags(districtId: string, teacherId: string, studentId?: string) {
      let q = db
        .selectFrom('dyad_flags')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId);
      if (studentId !== undefined) q = q.where('student_id', '=', studentId);
      return q.execute();
    },

    async setConflictHistory(row: Database['dyad_flags']) {
      await db
        .insertInto('dyad_flags')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['district_id', 'teacher_id', 'student_id'])
            .doUpdateSet({ conflict_history: row.conflict_history, updated_at: row.updated_at }),
        )
        .execute();
    },

    async dismissals(districtId: string, teacherId: string, weekStart: string) {
      return db
        .selectFrom('focus_dismissals')
        .select('student_id')
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('week_start', '=', weekStart)
        .execute();
    },

    async dismiss(row: Database['focus_dismissals']) {
      await db
        .insertInto('focus_dismissals')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['district_id', 'teacher_id', 'week_start', 'student_id']).doNothing(),
        )
        .execute();
    },

    async incidents(districtId: string, teacherId: string, studentId: string) {
      const rows = await db
        .selectFrom('incidents')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('student_id', '=', studentId)
        .orderBy('occurred_at', 'desc')
        .limit(20)
        .execute();
      if (rows.length === 0) return [];
      const explanations = await db
        .selectFrom('incident_explanations')
        .selectAll()
        .where('district_id', '=', districtId)
        .where(
          'incident_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('position')
        .execute();
      return rows.map((r) => ({
        ...r,
        explanations: explanations.filter((e) => e.incident_id === r.id),
      }));
    },

    async plan(districtId: string, teacherId: string, planId: string) {
      return db
        .selectFrom('plans')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('id', '=', planId)
        .executeTakeFirst();
    },

    /** Inserts a plan; false when the dyad already has an active plan. The partial unique
     * index settles a race between two starts; the check before it gives the common case a
     * clean answer without relying on a driver's error text. */
    async insertPlan(row: Database['plans']): Promise<boolean> {
      const activeExists = async () =>
        (await db
          .selectFrom('plans')
          .select('id')
          .where('district_id', '=', row.district_id)
          .where('teacher_id', '=', row.teacher_id)
          .where('student_id', '=', row.student_id)
          .where('status', '=', 'active')
          .executeTakeFirst()) !== undefined;
      if (await activeExists()) return false;
      try {
        await db.insertInto('plans').values(row).execute();
        return true;
      } catch (err) {
        if (await activeExists()) return false;
        throw err;
      }
    },

    async endPlan(
      districtId: string,
      planId: string,
      change: { status: 'completed' | 'stopped'; reflection: string | null; endedAt: string },
    ): Promise<boolean> {
      const res = await db
        .updateTable('plans')
        .set({ status: change.status, reflection: change.reflection, ended_at: change.endedAt })
        .where('district_id', '=', districtId)
        .where('id', '=', planId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async incidentByClientId(districtId: string, authorAccountId: string, clientId: string) {
      return db
        .selectFrom('incidents')
        .select('id')
        .where('district_id', '=', districtId)
        .where('author_account_id', '=', authorAccountId)
        .where('client_id', '=', clientId)
        .executeTakeFirst();
    },

    /** An incident and its explanations, in one transaction: all of it or none. */
    async insertIncident(
      row: Database['incidents'],
      explanations: Database['incident_explanations'][],
    ) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('incidents').values(row).execute();
        if (explanations.length > 0)
          await trx.insertInto('incident_explanations').values(explanations).execute();
      });
    },
  };
}
