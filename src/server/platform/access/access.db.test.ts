// Which term is "the calendar" when a roster nests sessions: the widest that includes today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict } from '../../../../test/factories.js';
import { openTestDb, testDialects } from '../../../../test/harness.js';
import type { Db } from '../db/database.js';
import { accessRepository } from './access.repository.js';

describe.each(testDialects())('current term on $name', ({ target }) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(target());
  });
  afterAll(async () => db.close());

  it('is the school year, not the semester or grading period inside it', async () => {
    const d = await buildDistrict(db.kysely);
    const session = (id: string, session_type: string, start_date: string, end_date: string) => ({
      district_id: d.id,
      id: `${d.id}-${id}`,
      name: id,
      start_date,
      end_date,
      sourced_id: id,
      active: 1 as const,
      session_type,
    });
    await db.kysely
      .insertInto('terms')
      .values([
        session('gp4', 'gradingPeriod', '2027-03-29', '2027-06-10'),
        session('sem2', 'semester', '2027-01-04', '2027-06-10'),
        session('sy', 'schoolYear', '2026-08-17', '2027-06-10'),
        session('sem1', 'semester', '2026-08-17', '2026-12-18'),
      ])
      .execute();
    await db.kysely
      .insertInto('days_off')
      .values({ district_id: d.id, date: '2027-04-02', reason: 'Spring holiday', source: 'ics' })
      .execute();
    const term = await accessRepository(db.kysely).currentTerm(d.id, '2027-03-30');
    expect(term?.name).toBe('sy');
    expect([...term!.daysOff]).toEqual(['2027-04-02']);
    // Outside the school year there is no calendar.
    expect(await accessRepository(db.kysely).currentTerm(d.id, '2027-07-01')).toBeUndefined();
  });
});
