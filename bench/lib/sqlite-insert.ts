// Multi-row prepared INSERTs for raw better-sqlite3 loads: one call into SQLite per
// `perStatement` rows instead of one per row. Used by the benchmarks' loaders and baselines.
import type SQLite from 'better-sqlite3';

export type Row = Array<string | number | null>;

/** Rows of one table, added one at a time and written a full statement at a time. */
export function batchInserter(
  db: SQLite.Database,
  table: string,
  columns: readonly string[],
  perStatement = 100,
) {
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const head = `insert into ${table} (${columns.join(',')}) values `;
  const many = db.prepare(head + Array.from({ length: perStatement }, () => tuple).join(','));
  const one = db.prepare(head + tuple);
  const width = columns.length;
  const params: Row = new Array<string | null>(width * perStatement);
  let pending = 0;
  return {
    add(row: Readonly<Row>) {
      const at = pending * width;
      for (let c = 0; c < width; c++) params[at + c] = row[c]!;
      pending += 1;
      if (pending === perStatement) {
        many.run(params);
        pending = 0;
      }
    },
    /** Writes the rows of a statement not yet full, one by one. */
    flush() {
      for (let j = 0; j < pending; j++) one.run(params.slice(j * width, (j + 1) * width));
      pending = 0;
    },
  };
}

/** Inserts a batch of rows of one table. */
export function inserter(
  db: SQLite.Database,
  table: string,
  columns: readonly string[],
  perStatement = 100,
) {
  const batch = batchInserter(db, table, columns, perStatement);
  return (rows: readonly Readonly<Row>[]) => {
    for (const row of rows) batch.add(row);
    batch.flush();
  };
}
