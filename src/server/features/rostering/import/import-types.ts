// The importer's public shapes: what a caller passes and what it gets back.
import type { RosterReport } from '../../../../contracts/rostering.js';

export interface ImportOptions {
  /** Report what would change and change nothing. */
  dryRun: boolean;
  /** Import into this district (already resolved by the caller: the admin's own). */
  districtId?: string;
  /** Import into the district of this name, created if new (the CLI's --district). */
  districtName?: string;
  /** Time zone of a district the import creates. */
  timeZone?: string;
  /** Called after every batch with the file being read and its rows so far. */
  onProgress?: (progress: { file: string; rows: number }) => void;
  /** Clock (tests pass a fixed one). */
  now?: () => Date;
}

export interface ImportResult {
  /** True when nothing was written: rejected, or a dry run. */
  rolledBack: boolean;
  rejected: boolean;
  districtId: string | null;
  report: RosterReport;
}
