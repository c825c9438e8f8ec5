// SQL conditions that several repositories share.
import { sql } from 'kysely';

/**
 * An enrollment (aliased `alias`) that counts on `date`: active, and its begin and end dates,
 * when it has them, cover the date.
 */
export function enrollmentActiveOn(alias: string, date: string) {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<boolean>`(${col('active')} = 1
    and (${col('begin_date')} is null or ${col('begin_date')} <= ${date})
    and (${col('end_date')} is null or ${col('end_date')} >= ${date}))`;
}
