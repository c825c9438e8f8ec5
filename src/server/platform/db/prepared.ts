// Compile-once queries for the hottest paths. Kysely builds and compiles a query's SQL on every
// call; for a query that runs on every request (the session lookup) that costs as much as
// running it. `prepare` compiles the query once with sentinel values and substitutes the real
// values into the parameter list on each call. Same SQL, same plan; nothing about the data is
// cached.
//
// On PostgreSQL the SQL of such a query is also a named prepared statement on each connection
// (database.ts routes a registered text to it): PostgreSQL parses it once per connection and,
// after a few runs, reuses a generic plan instead of planning every request. Planning the
// session lookup cost more than running it. Only registered texts are named, so the statements
// a connection keeps are few and known (decision 006).
import { createHash } from 'node:crypto';
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

const statementNames = new Map<string, string>();

/** Registers a SQL text to run as a named prepared statement on PostgreSQL; returns its name. */
export function nameStatement(sqlText: string): string {
  let name = statementNames.get(sqlText);
  if (!name) {
    name = `rapport_${createHash('sha256').update(sqlText).digest('hex').slice(0, 24)}`;
    statementNames.set(sqlText, name);
  }
  return name;
}

/** The prepared-statement name of a registered SQL text, if it has one. */
export function statementName(sqlText: string): string | undefined {
  return statementNames.get(sqlText);
}

/**
 * Runs a compiled query as a named statement on PostgreSQL. For queries whose text takes a few
 * known shapes (the logging insert, one per number of students up to its limit).
 */
export async function executeNamed<DB, R>(db: Kysely<DB>, query: CompiledQuery<R>) {
  nameStatement(query.sql);
  return db.executeQuery<R>(query);
}

const SENTINEL = '\u0000rapport-param:';

export function prepare<DB, P extends Record<string, string | number>, R>(
  db: Kysely<DB>,
  build: (params: P) => Compilable<R>,
  names: ReadonlyArray<keyof P & string>,
): (params: P) => Promise<R[]> {
  const sentinels = Object.fromEntries(names.map((n) => [n, `${SENTINEL}${n}`])) as unknown as P;
  const compiled = build(sentinels).compile();
  nameStatement(compiled.sql);
  const slots = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(SENTINEL) ? value.slice(SENTINEL.length) : null,
  );
  for (const n of names) {
    if (!slots.includes(n)) throw new Error(`prepare: parameter "${n}" is not used by the query`);
  }
  return async (params) => {
    const parameters = compiled.parameters.map((value, i) => {
      const slot = slots[i];
      return slot === null || slot === undefined ? value : params[slot];
    });
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}
