// manifest.csv: which OneRoster version the files follow and, per file, whether it is the whole
// truth (bulk), changes only (delta) or not there (absent).
import {
  MANIFEST_FILES,
  ROSTER_FILES,
  readVersion,
  type OneRosterVersion,
  type RosterFile,
} from '../../../../domain/oneroster/spec.js';
import { readCsvRows } from './csv-reader.js';
import type { Findings } from './findings.js';
import type { RosterSource } from './source.js';

export type FileMode = 'bulk' | 'delta' | 'absent';

export interface Manifest {
  version: OneRosterVersion;
  /** Every file.* property, as read (absent when blank or missing and no file is there). */
  modes: Record<string, FileMode>;
  /** The name in the source of each roster file that will be read. */
  names: Partial<Record<RosterFile, string>>;
}

const MANIFEST = 'manifest.csv';

/** Finds a file by its specified name, or by the same name in another case (with a warning). */
function findFile(source: RosterSource, wanted: string, findings: Findings): string | undefined {
  if (source.files.includes(wanted)) return wanted;
  const other = source.files.find((f) => f.toLowerCase() === wanted.toLowerCase());
  if (other) findings.warn(other, null, null, `read as "${wanted}" (the specification's spelling)`);
  return other;
}

export async function readManifest(
  source: RosterSource,
  findings: Findings,
): Promise<Manifest | null> {
  const name = findFile(source, MANIFEST, findings);
  if (!name) {
    findings.error(
      MANIFEST,
      null,
      null,
      `manifest.csv is missing: it says which OneRoster version the files follow (found: ${source.files.join(', ') || 'no files'})`,
    );
    return null;
  }
  const props = new Map<string, { value: string; line: number }>();
  let header = true;
  for await (const row of readCsvRows(await source.open(name))) {
    if (header) {
      header = false;
      const [a, b] = row.fields.map((f) => f.trim());
      if (a !== 'propertyName' || b !== 'value')
        findings.error(
          MANIFEST,
          row.line,
          null,
          `the header must be "propertyName,value", not "${row.fields.join(',')}"`,
        );
      continue;
    }
    const key = (row.fields[0] ?? '').trim();
    if (key === '') continue;
    if (props.has(key)) {
      findings.error(
        MANIFEST,
        row.line,
        'propertyName',
        `"${key}" is listed twice (lines ${props.get(key)!.line} and ${row.line})`,
      );
      continue;
    }
    props.set(key, { value: (row.fields[1] ?? '').trim(), line: row.line });
  }

  const versionProp = props.get('oneroster.version');
  const version = versionProp ? readVersion(versionProp.value) : undefined;
  if (!versionProp) {
    findings.error(
      MANIFEST,
      null,
      'oneroster.version',
      'the property "oneroster.version" is missing',
    );
    return null;
  }
  if (!version) {
    findings.error(
      MANIFEST,
      versionProp.line,
      'value',
      `oneroster.version is "${versionProp.value}"; Rapport reads versions 1.1, 1.2 and 1.2.1`,
    );
    return null;
  }
  const manifestVersion = props.get('manifest.version');
  if (!manifestVersion)
    findings.warn(
      MANIFEST,
      null,
      'manifest.version',
      'the property "manifest.version" is missing; read as 1.0',
    );
  else if (manifestVersion.value !== '1.0')
    findings.warn(
      MANIFEST,
      manifestVersion.line,
      'value',
      `manifest.version is "${manifestVersion.value}"; read as 1.0`,
    );

  const modes: Record<string, FileMode> = {};
  const names: Partial<Record<RosterFile, string>> = {};
  for (const file of MANIFEST_FILES[version]) {
    const prop = props.get(`file.${file}`);
    const present = findFile(source, `${file}.csv`, findings);
    let mode: FileMode;
    const raw = prop?.value.toLowerCase() ?? '';
    if (raw === 'bulk' || raw === 'delta' || raw === 'absent') {
      mode = raw;
      if (prop!.value !== raw)
        findings.warn(MANIFEST, prop!.line, 'value', `"${prop!.value}" read as "${raw}"`);
    } else if (!prop || raw === '') {
      if (present && (ROSTER_FILES as readonly string[]).includes(file)) {
        findings.error(
          MANIFEST,
          prop?.line ?? null,
          `file.${file}`,
          `${file}.csv is in the files but the manifest does not say whether it is bulk or delta`,
        );
        continue;
      }
      if (prop)
        findings.warn(MANIFEST, prop.line, 'value', `file.${file} is blank; read as absent`);
      else if (present)
        findings.warn(MANIFEST, null, `file.${file}`, 'the property is missing; read as absent');
      mode = 'absent';
    } else {
      findings.error(
        MANIFEST,
        prop.line,
        'value',
        `file.${file} is "${prop.value}"; it must be bulk, delta or absent`,
      );
      continue;
    }
    modes[file] = mode;
    const reads = (ROSTER_FILES as readonly string[]).includes(file);
    if (mode === 'absent') {
      if (present)
        findings.warn(
          present,
          null,
          null,
          `the manifest says ${file}.csv is absent; the file was not read`,
        );
    } else if (!present) {
      findings.error(
        `${file}.csv`,
        null,
        null,
        `the manifest says ${file}.csv is ${mode}, but the file is missing`,
      );
    } else if (!reads) {
      findings.warn(present, null, null, `${file}.csv is not used by Rapport; not read`);
    } else {
      names[file as RosterFile] = present;
    }
  }
  return { version, modes, names };
}
