// Roster imports from the admin page: an upload is previewed (a dry run) and, once the admin
// has seen what will change, applied from the same stored file. Jobs run in the background of
// the instance that received them, which claims the row and renews a lease on it while it runs;
// their progress, lease and reports are in the database, so every instance shows the same job.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { RosterJob, RosterReport } from '../../../contracts/rostering.js';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import type { Db } from '../../platform/db/database.js';
import type { RosterJobsTable } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { importOneRoster } from './import/import-oneroster.js';
import { rosterSourceFromBuffer } from './import/source.js';
import { jobsRepository } from './jobs.repository.js';

/** This process, as named in a job's claimed_by. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
/**
 * How long a job's claim holds without renewal. The instance renews it every LEASE_RENEW_MS; a
 * job past its lease was cut off (its instance stopped). Generous because on SQLite the renewal
 * waits for the import's transaction, which holds the only connection.
 */
export const LEASE_MS = 5 * 60 * 1000;
export const LEASE_RENEW_MS = 2000;

/** Progress of the jobs this process is running, shown at once by this process. */
const progress = new Map<string, { file: string; rows: number }>();
/** Jobs this process is running, so tests and shutdown can wait for them. */
const running = new Map<string, Promise<void>>();

export async function waitForRosterJobs(): Promise<void> {
  while (running.size) await Promise.allSettled([...running.values()]);
}

/**
 * A job from before leases, still "running" long after any import could take, was cut off. Six
 * hours is far beyond the largest district's import (about a minute).
 */
export const INTERRUPTED_AFTER_MS = 6 * 60 * 60 * 1000;

function claim(now: Date) {
  return { by: INSTANCE_ID, until: new Date(now.getTime() + LEASE_MS).toISOString() };
}

function storedProgress(raw: string | null | undefined): { file: string; rows: number } | null {
  return raw ? (JSON.parse(raw) as { file: string; rows: number }) : null;
}

function toView(row: RosterJobsTable, now: Date): RosterJob {
  // A running job whose lease ran out was cut off (its instance stopped): shown as failed, so
  // the admin knows to upload the file again.
  const deadline = row.lease_until
    ? Date.parse(row.lease_until)
    : Date.parse(row.created_at) + INTERRUPTED_AFTER_MS;
  const interrupted = row.status === 'running' && !running.has(row.id) && now.getTime() > deadline;
  return {
    id: row.id,
    kind: row.kind,
    dryRun: row.dry_run === 1,
    status: interrupted ? 'failed' : row.status,
    sourceName: row.source_name,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    progress:
      row.status === 'running' && !interrupted
        ? (progress.get(row.id) ?? storedProgress(row.progress))
        : null,
    report: row.report ? (JSON.parse(row.report) as RosterReport) : null,
  };
}

/** Totals of a report's counts, for the audit log. */
export function countSummary(report: RosterReport) {
  return Object.fromEntries(
    Object.entries(report.counts).map(([entity, c]) => [
      entity,
      { added: c.added, updated: c.updated, deactivated: c.deactivated },
    ]),
  );
}

interface RunContext {
  db: Db;
  actor: Actor;
  now: () => Date;
  log: FastifyBaseLogger;
}

function run(ctx: RunContext, jobId: string, bytes: Buffer, name: string, dryRun: boolean) {
  const { db, actor, now } = ctx;
  const repo = jobsRepository(db.kysely);
  // Renew the claim (and publish progress) while the job runs; one renewal at a time.
  let renewing = false;
  const renew = setInterval(() => {
    if (renewing) return;
    renewing = true;
    repo
      .renewLease(actor.districtId, jobId, claim(now()), progress.get(jobId) ?? null)
      .catch((err: unknown) => ctx.log.warn({ err, jobId }, 'roster job lease not renewed'))
      .finally(() => (renewing = false));
  }, LEASE_RENEW_MS);
  renew.unref();
  const task = (async () => {
    let status: RosterJobsTable['status'] = 'failed';
    let report: RosterReport | null = null;
    try {
      const result = await importOneRoster(db, await rosterSourceFromBuffer(name, bytes), {
        dryRun,
        districtId: actor.districtId,
        now,
        onProgress: (p) => progress.set(jobId, p),
      });
      report = result.report;
      status = result.rejected ? 'rejected' : dryRun ? 'previewed' : 'applied';
    } catch (err) {
      status = 'failed';
      report = null;
      // The admin sees "failed"; the cause is in the server log.
      ctx.log.error({ err, jobId }, 'roster import failed');
    }
    await repo.finish(actor.districtId, jobId, {
      status,
      dry_run: dryRun ? 1 : 0,
      report: report ? JSON.stringify(report) : null,
      finished_at: now().toISOString(),
    });
    if (status !== 'previewed') await repo.dropUpload(actor.districtId, jobId);
    await recordAudit(db.kysely, actor, {
      action: 'roster.import',
      subjectType: 'roster_job',
      subjectId: jobId,
      detail: {
        dryRun,
        status,
        rowsRead: report?.rowsRead ?? 0,
        errors: report?.errorCount ?? 0,
        counts: report ? countSummary(report) : {},
      },
    });
  })()
    // Nobody awaits a background job: a failure to record its end is logged, never thrown.
    .catch((err: unknown) => ctx.log.error({ err, jobId }, 'roster job could not be recorded'))
    .finally(() => {
      clearInterval(renew);
      progress.delete(jobId);
      running.delete(jobId);
    });
  running.set(jobId, task);
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);

/** Stores an uploaded zip and starts reading it: a preview (dry run) or a direct import. */
export async function startImport(
  ctx: RunContext,
  upload: { bytes: Buffer; name: string | null; dryRun: boolean },
): Promise<RosterJob> {
  const { db, actor, now } = ctx;
  if (upload.bytes.length === 0) throw new ValidationError('file', 'the upload is empty');
  if (!upload.bytes.subarray(0, 2).equals(ZIP_MAGIC))
    throw new ValidationError(
      'file',
      'not a zip archive: upload the OneRoster .zip your student information system exports',
    );
  const repo = jobsRepository(db.kysely);
  const row: RosterJobsTable = {
    district_id: actor.districtId,
    id: randomUUID(),
    kind: 'import',
    dry_run: upload.dryRun ? 1 : 0,
    status: 'running',
    source_name: upload.name,
    actor_account_id: actor.accountId,
    created_at: now().toISOString(),
    finished_at: null,
    report: null,
    ...(() => {
      const c = claim(now());
      return { claimed_by: c.by, lease_until: c.until, progress: null };
    })(),
  };
  await repo.insert(row);
  await repo.saveUpload(actor.districtId, row.id, upload.bytes);
  run(ctx, row.id, upload.bytes, upload.name ?? 'upload.zip', upload.dryRun);
  return toView(row, now());
}

/** Applies a previewed import from the file stored with it. */
export async function applyImport(ctx: RunContext, jobId: string): Promise<RosterJob> {
  const { db, actor } = ctx;
  const repo = jobsRepository(db.kysely);
  const job = await repo.get(actor.districtId, jobId);
  if (!job || job.kind !== 'import') throw new NotFoundError('That import');
  if (job.status !== 'previewed')
    throw new ConflictError(
      `This import is ${job.status}; only a previewed import can be applied.`,
    );
  const bytes = await repo.loadUpload(actor.districtId, jobId);
  if (!bytes || !(await repo.markRunning(actor.districtId, jobId, claim(ctx.now()))))
    throw new ConflictError('This import is already being applied.');
  run(ctx, jobId, bytes, job.source_name ?? 'upload.zip', false);
  return toView({ ...job, status: 'running', finished_at: null }, ctx.now());
}

export async function getJob(db: Db, actor: Actor, jobId: string, now: Date): Promise<RosterJob> {
  const job = await jobsRepository(db.kysely).get(actor.districtId, jobId);
  if (!job) throw new NotFoundError('That roster job');
  return toView(job, now);
}

export async function listJobs(db: Db, actor: Actor, now: Date): Promise<RosterJob[]> {
  return (await jobsRepository(db.kysely).list(actor.districtId, 20)).map((j) => toView(j, now));
}
