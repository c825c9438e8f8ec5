// Roster jobs (imports and exports with their reports) and the uploads kept for applying a
// previewed import. Every query is scoped by district_id.
import type { Kysely } from 'kysely';
import type { Database, RosterJobsTable } from '../../platform/db/schema.js';

const CHUNK_BYTES = 4 * 1024 * 1024;

export function jobsRepository(db: Kysely<Database>) {
  return {
    async insert(row: RosterJobsTable) {
      await db.insertInto('roster_jobs').values(row).execute();
    },
    async finish(
      districtId: string,
      id: string,
      set: Pick<RosterJobsTable, 'status' | 'report' | 'finished_at' | 'dry_run'>,
    ) {
      await db
        .updateTable('roster_jobs')
        .set({ ...set, lease_until: null, progress: null })
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .execute();
    },
    async markRunning(districtId: string, id: string, claim: { by: string; until: string }) {
      // Only a previewed job can be applied, and only once: the status and the claim move in
      // one statement, so of two instances asked at once exactly one gets the row.
      const res = await db
        .updateTable('roster_jobs')
        .set({
          status: 'running',
          finished_at: null,
          claimed_by: claim.by,
          lease_until: claim.until,
          progress: null,
        })
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .where('status', '=', 'previewed')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    /** Renews a running job's lease and records its progress; only its own instance may. */
    async renewLease(
      districtId: string,
      id: string,
      claim: { by: string; until: string },
      progress: { file: string; rows: number } | null,
    ) {
      await db
        .updateTable('roster_jobs')
        .set({ lease_until: claim.until, progress: progress ? JSON.stringify(progress) : null })
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .where('claimed_by', '=', claim.by)
        .where('status', '=', 'running')
        .execute();
    },
    async get(districtId: string, id: string) {
      return db
        .selectFrom('roster_jobs')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async list(districtId: string, limit: number) {
      return db
        .selectFrom('roster_jobs')
        .selectAll()
        .where('district_id', '=', districtId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },
    async saveUpload(districtId: string, jobId: string, bytes: Buffer) {
      for (let seq = 0; seq * CHUNK_BYTES < bytes.length || seq === 0; seq++) {
        const data = bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES).toString('base64');
        await db
          .insertInto('roster_uploads')
          .values({ district_id: districtId, job_id: jobId, seq, data })
          .execute();
      }
    },
    async loadUpload(districtId: string, jobId: string): Promise<Buffer | null> {
      const rows = await db
        .selectFrom('roster_uploads')
        .select(['data'])
        .where('district_id', '=', districtId)
        .where('job_id', '=', jobId)
        .orderBy('seq')
        .execute();
      return rows.length ? Buffer.concat(rows.map((r) => Buffer.from(r.data, 'base64'))) : null;
    },
    async dropUpload(districtId: string, jobId: string) {
      await db
        .deleteFrom('roster_uploads')
        .where('district_id', '=', districtId)
        .where('job_id', '=', jobId)
        .execute();
    },
  };
}
