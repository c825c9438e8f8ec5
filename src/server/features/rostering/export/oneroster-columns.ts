// The OneRoster 1.2.1 CSV binding as far as Rapport writes it: each file's columns in the order
// the binding lists them (from the one spec the importer reads by, src/domain/oneroster/spec.ts),
// and every file the manifest must name.
import {
  COLUMNS,
  MANIFEST_FILES as SPEC_MANIFEST_FILES,
  ROSTER_FILES,
  type RosterFile,
} from '../../../../domain/oneroster/spec.js';

/** The files an export writes: the ones the importer reads, in the order it reads them. */
const EXPORTED = ROSTER_FILES;
export type ExportedFile = RosterFile;

export const ONEROSTER_COLUMNS: Record<ExportedFile, readonly string[]> = Object.fromEntries(
  EXPORTED.map((file) => [file, COLUMNS['1.2'][file]!.map((c) => c.name)]),
) as unknown as Record<ExportedFile, readonly string[]>;

/** Every `file.*` property of a 1.2.1 manifest, in the binding's order. */
export const MANIFEST_FILES = SPEC_MANIFEST_FILES['1.2'];
