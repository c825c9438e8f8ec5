// Streams the rows of one CSV file: UTF-8 checked as it arrives (a byte-order mark is dropped,
// UTF-16 is refused), CRLF or LF line ends, quoted fields, and a bound on a field's size so a
// broken quote cannot swallow the file into memory.
import { Transform, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

export const MAX_RECORD_BYTES = 1024 * 1024;

/** The file cannot be read as CSV from this line on. */
export class CsvReadError extends Error {
  constructor(
    readonly line: number | null,
    reason: string,
  ) {
    super(reason);
  }
}

export interface CsvRow {
  /** The file's line on which the row ends (the header is line 1). */
  line: number;
  fields: string[];
}

/** Passes bytes through while checking they are UTF-8. */
function utf8Check(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first && chunk.length >= 2) {
        first = false;
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
          return done(new CsvReadError(1, 'the file is UTF-16; save it as UTF-8'));
      }
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return done(
          new CsvReadError(
            null,
            `the file is not UTF-8 (an invalid byte near byte ${offset + 1}); save it as UTF-8`,
          ),
        );
      }
      offset += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(
          new CsvReadError(
            null,
            'the file is not UTF-8 (it ends inside a character); save it as UTF-8',
          ),
        );
      }
    },
  });
}

function describe(err: unknown): CsvReadError {
  if (err instanceof CsvReadError) return err;
  if (err instanceof CsvError) {
    const lines = (err as unknown as { lines?: unknown }).lines;
    const line = typeof lines === 'number' ? lines : null;
    const reasons: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (a missing closing quote)',
      CSV_INVALID_CLOSING_QUOTE: 'a quote inside a field that is not doubled ("")',
      CSV_MAX_RECORD_SIZE: `a row is larger than ${MAX_RECORD_BYTES} bytes (a missing quote?)`,
      CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'characters after a closing quote',
      INVALID_OPENING_QUOTE: 'a quote in the middle of an unquoted field',
    };
    return new CsvReadError(line, reasons[err.code] ?? `not valid CSV (${err.code})`);
  }
  return new CsvReadError(
    null,
    `the file cannot be read (${err instanceof Error ? err.message : String(err)})`,
  );
}

/**
 * Yields the rows (the header first) in batches of whatever the parser has ready, or throws a
 * CsvReadError with the line and reason. Batches, not single rows: a million rows through
 * three layers of async iteration cost more than parsing them.
 */
export async function* readCsvBatches(input: Readable): AsyncGenerator<CsvRow[]> {
  // Line numbers are counted here rather than asked of the parser (its per-record info object
  // costs a tenth of the parse): each record ends one line on, plus its fields' line breaks.
  const parser = parse({
    bom: true,
    skip_empty_lines: false,
    relax_column_count: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const checker = utf8Check();
  let failure: unknown = null;
  let ended = false;
  let pending = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    pending = true;
    wake?.();
  };
  const onError = (err: unknown) => {
    failure ??= err;
    ended = true;
    parser.destroy();
    signal();
  };
  input.on('error', onError);
  checker.on('error', onError);
  parser.on('error', onError);
  parser.on('readable', signal);
  parser.on('end', () => {
    ended = true;
    signal();
  });
  parser.on('close', () => {
    ended = true;
    signal();
  });
  input.pipe(checker).pipe(parser);
  let line = 0;
  try {
    for (;;) {
      pending = false;
      const batch: CsvRow[] = [];
      let record: string[] | null;
      while (!failure && (record = parser.read() as string[] | null) !== null) {
        line++;
        for (const field of record) {
          for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) line++;
        }
        // An empty line: no row, but a line.
        if (record.length === 1 && record[0] === '') continue;
        batch.push({ line, fields: record });
      }
      if (failure) break;
      if (batch.length) yield batch;
      if (ended) break;
      if (!pending) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    input.unpipe?.(checker);
    checker.unpipe(parser);
    input.destroy();
    parser.destroy();
  }
  if (failure) throw describe(failure);
}

/** Every row, one at a time (small files: the manifest). */
export async function* readCsvRows(input: Readable): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvBatches(input)) yield* batch;
}
