// Which term is "the calendar" when a roster nests sessions: the widest that includes today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom, buildDistrict } from '../../../../test/factories.js';
import { openTestDb, testDialects } from '../../../../test/harness.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import { requestContext } from '../context/request-context.js';
import { NotFoundError } from '../errors.js';
import { access } from './access.js';
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

describe.each(testDialects())('the access module on $name', ({ target }) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(target());
  });
  afterAll(async () => db.close());

  it('answers for the classes a teacher teaches today, and asks again after a failed read', async () => {
    const now = new Date('2026-11-10T15:00:00Z');
    const room = await buildClassroom(db.kysely, { today: '2026-11-10' });
    const other = await buildClassroom(db.kysely, { today: '2026-11-10', district: room.district });
    const actor: Actor = {
      accountId: room.teacher.account.id,
      districtId: room.district.id,
      personId: room.teacher.person.id,
      role: 'teacher',
      schoolId: room.school.id,
      locale: 'en',
      timeZone: 'America/Chicago',
      sessionId: 's',
      csrfToken: 'c',
      ip: '127.0.0.1',
    };
    const ctx = requestContext(db.kysely, actor, now);
    // A database that is gone (as a replica that stopped): the read fails...
    const gone = await openTestDb(target());
    await gone.close();
    await expect(access(gone.kysely, ctx).teachesClass(room.cls.id)).rejects.toThrow();
    // ...and the same request's retry on a working database is answered, not the kept failure.
    expect(await access(db.kysely, ctx).teachesClass(room.cls.id)).toBe(true);
    expect(await access(db.kysely, ctx).teachesClass(other.cls.id)).toBe(false);
    await expect(
      access(db.kysely, ctx).requireTeachesStudent(other.students[0]!.id),
    ).rejects.toThrow(NotFoundError);
    expect(await access(db.kysely, ctx).classesSharedWith(room.students[0]!.id)).toEqual([
      room.cls.id,
    ]);
  });
});
