// The district's calendar: its active terms, the days off rostered with each term, and the
// district's own days off (from an uploaded .ics or edited by hand). Every query is scoped to
// the district.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type DistrictDayOffRow = Pick<Database['days_off'], 'date' | 'reason' | 'source'>;

export function calendarRepository(db: Kysely<Database>) {
  return {
    async activeTerms(districtId: string) {
      return db
        .selectFrom('terms')
        .select(['id', 'name', 'session_type', 'start_date', 'end_date'])
        .where('district_id', '=', districtId)
        .where('active', '=', 1)
        .orderBy('start_date')
        .orderBy('end_date', 'desc')
        .orderBy('name')
        .execute();
    },

    /** The days off rostered with the district's active terms. */
    async termDaysOff(districtId: string) {
      return db
        .selectFrom('term_days_off as d')
        .innerJoin('terms as t', (j) =>
          j.onRef('t.district_id', '=', 'd.district_id').onRef('t.id', '=', 'd.term_id'),
        )
        .select(['d.date', 'd.reason'])
        .where('d.district_id', '=', districtId)
        .where('t.active', '=', 1)
        .orderBy('d.date')
        .orderBy('t.start_date')
        .execute();
    },

    /** The district's own days off, from `from` to `to` inclusive when given. */
    async districtDaysOff(
      districtId: string,
      span?: { from: string; to: string },
    ): Promise<DistrictDayOffRow[]> {
      let q = db
        .selectFrom('days_off')
        .select(['date', 'reason', 'source'])
        .where('district_id', '=', districtId);
      if (span) q = q.where('date', '>=', span.from).where('date', '<=', span.to);
      return q.orderBy('date').execute();
    },

    async insertDaysOff(districtId: string, days: DistrictDayOffRow[]) {
      if (days.length === 0) return;
      await db
        .insertInto('days_off')
        .values(days.map((d) => ({ district_id: districtId, ...d })))
        .execute();
    },

    async updateDayOff(districtId: string, day: DistrictDayOffRow) {
      await db
        .updateTable('days_off')
        .set({ reason: day.reason, source: day.source })
        .where('district_id', '=', districtId)
        .where('date', '=', day.date)
        .execute();
    },

    /** Adds the day off or changes its reason; either way it becomes a manual one. */
    async putManualDayOff(districtId: string, date: string, reason: string) {
      await db
        .insertInto('days_off')
        .values({ district_id: districtId, date, reason, source: 'manual' })
        .onConflict((oc) =>
          oc.columns(['district_id', 'date']).doUpdateSet({ reason, source: 'manual' }),
        )
        .execute();
    },

    /** Removes a district day off; false when there was none on that date. */
    async deleteDayOff(districtId: string, date: string): Promise<boolean> {
      const res = await db
        .deleteFrom('days_off')
        .where('district_id', '=', districtId)
        .where('date', '=', date)
        .executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },
  };
}
