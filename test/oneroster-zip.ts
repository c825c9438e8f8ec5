// Reading a OneRoster zip back in tests: every entry's text, and a CSV file's header and rows.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { conformancePath } from './conformance.js';

export interface BindingColumn {
  column: string;
  required: string;
}

/** The OneRoster 1.2.1 CSV binding's columns per file (conformance data, not ours). */
export function bindingColumns(): Record<string, BindingColumn[]> {
  const json = JSON.parse(
    readFileSync(conformancePath('oneroster/oneroster_v1p2p1_csv_columns.json'), 'utf8'),
  ) as { files: Record<string, BindingColumn[]> };
  return json.files;
}

/** Every entry of a zip, by name, as UTF-8 text, in the zip's order. */
export function readZip(zip: Buffer): Promise<Map<string, string>> {
  return new Promise((done, fail) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return fail(err);
      const entries = new Map<string, string>();
      file.on('error', fail);
      file.on('end', () => done(entries));
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e) return fail(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}

export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const all = parse(text) as string[][];
  const [header = [], ...records] = all;
  return {
    header,
    rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
  };
}

/** A writable that keeps what it is given; `bytes()` once it has finished. */
export function collector(): Writable & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  return Object.assign(w, { bytes: () => Buffer.concat(chunks) });
}
