// Imports a OneRoster CSV set into one district, in one transaction. Files are streamed row by
// row and written in batches, so memory holds the batch and a map of sourcedId → id per record
// kind (orgs, sessions, courses, classes, users), never a whole file. A bulk file is the whole
// truth: records it leaves out are deactivated, never deleted, and come back if they return. A
// delta file applies `active` / `tobedeleted` unless Rapport holds a newer dateLastModified.
// Any error rolls everything back; a dry run rolls back after counting what would change.
import type { EntityCounts, RosterEntity } from '../../../../contracts/rostering.js';
import { RosterEntities } from '../../../../contracts/rostering.js';
import { COLUMNS } from '../../../../domain/oneroster/spec.js';
import type { Db } from '../../../platform/db/database.js';
import { CsvReadError } from './csv-reader.js';
import { Findings } from './findings.js';
import { importRepository } from './import.repository.js';
import { ImportRun } from './import-run.js';
import {
  importEnrollments,
  importGuardianships,
  deactivateAccountsOfInactivePeople,
} from './import-enrollments.js';
import {
  checkRolesUsers,
  deactivateMissingDemographics,
  importDemographics,
  importUsers,
  readRoles,
} from './import-people.js';
import { importClasses, importCourses, importOrgs, importSessions } from './import-structure.js';
import type { ImportOptions, ImportResult } from './import-types.js';
import { readManifest, type Manifest } from './manifest.js';
import { readRosterRows } from './rows.js';
import { RosterSourceError, type RosterSource } from './source.js';

class Rollback extends Error {}

const emptyCounts = (): EntityCounts => ({ added: 0, updated: 0, deactivated: 0, unchanged: 0 });

/** Imports a OneRoster set from `source`. Never throws for bad files: they are in the report. */
export async function importOneRoster(
  db: Db,
  source: RosterSource,
  opts: ImportOptions,
): Promise<ImportResult> {
  const findings = new Findings();
  const counts = Object.fromEntries(RosterEntities.map((e) => [e, emptyCounts()])) as Record<
    RosterEntity,
    EntityCounts
  >;
  let manifest: Manifest | null = null;
  let rowsRead = 0;
  let districtId: string | null = null;
  let committed = false;
  // The file being read, for errors that end a read (a broken quote, bad bytes). One per
  // import: imports may run side by side.
  const current = { name: 'manifest.csv' };
  try {
    manifest = await readManifest(source, findings);
    // A manifest with errors still names the version: read on, so one report lists everything.
    if (manifest) {
      const m = manifest;
      const districtOrg = await peekDistrictOrg(source, m, current);
      if (db.dialect === 'sqlite') await importRepository(db.kysely).enlargeCaches();
      await db.kysely.transaction().execute(async (trx) => {
        const run = new ImportRun(trx, db.dialect, m, findings, counts, opts, source, current);
        districtId = await run.resolveDistrict(districtOrg);
        await runImport(run);
        rowsRead = run.rowsRead;
        if (findings.rejected || opts.dryRun) throw new Rollback();
      });
      committed = true;
    }
  } catch (err) {
    if (err instanceof CsvReadError) findings.error(current.name, err.line, null, err.message);
    else if (err instanceof RosterSourceError) findings.error(err.file, null, null, err.message);
    else if (!(err instanceof Rollback)) throw err;
  } finally {
    await source.close();
    if (db.dialect === 'sqlite') await importRepository(db.kysely).restoreCaches();
  }
  return {
    rolledBack: !committed,
    rejected: findings.rejected,
    districtId: committed || opts.dryRun ? districtId : null,
    report: {
      version: manifest?.version ?? null,
      files: manifest?.modes ?? {},
      counts,
      rowsRead,
      errors: findings.errors,
      warnings: findings.warnings(),
      errorCount: findings.errorCount,
      warningCount: findings.warningCount,
    },
  };
}

/** The district org in orgs.csv, read before the import to name a district it creates. */
async function peekDistrictOrg(source: RosterSource, m: Manifest, current: { name: string }) {
  const name = m.names.orgs;
  if (!name) return null;
  const quiet = new Findings();
  current.name = 'orgs.csv';
  for await (const row of readRosterRows(
    source,
    name,
    'orgs.csv',
    COLUMNS[m.version].orgs!,
    m.modes.orgs ?? 'bulk',
    quiet,
  )) {
    if (row.str('type') === 'district')
      return { sourcedId: row.str('sourcedId')!, name: row.str('name')! };
  }
  return null;
}
/** Every file, in the order references need. */
async function runImport(run: ImportRun): Promise<void> {
  await run.repo.createSeen(run.dialect);
  await run.loadRefs();
  await run.file('orgs', (rows) => importOrgs(run, rows));
  await run.deactivateMissing('orgs', 'schools', 'orgs');
  await run.file('academicSessions', (rows) => importSessions(run, rows));
  await run.deactivateMissing('academicSessions', 'terms', 'academicSessions');
  await run.file('courses', (rows) => importCourses(run, rows));
  await run.deactivateMissing('courses', 'courses', 'courses');
  await run.file('classes', (rows) => importClasses(run, rows));
  await run.deactivateMissing('classes', 'classes', 'classes');
  if (run.m.version === '1.2') await run.file('roles', async (rows) => readRoles(run, rows));
  await run.file('users', (rows) => importUsers(run, rows));
  checkRolesUsers(run);
  await run.deactivateMissing('users', 'people', 'users');
  await run.file('demographics', (rows) => importDemographics(run, rows));
  await deactivateMissingDemographics(run);
  await run.file('enrollments', (rows) => importEnrollments(run, rows));
  await run.deactivateMissing('enrollments', 'enrollments', 'enrollments');
  await importGuardianships(run);
  await deactivateAccountsOfInactivePeople(run);
  await run.repo.dropSeen();
}
