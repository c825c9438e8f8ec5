import type { Kysely } from 'kysely';
import { localDate } from '../../../domain/calendar.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Database } from '../../platform/db/schema.js';
import { demoDemographics } from './demo-demographics.js';
import { demoTeacherPractice } from './demo-practice.js';
import { seedDemoSurveys } from './demo-surveys.js';
import { ConflictError } from '../../platform/errors.js';
import {
  DEMO_DEFAULTS,
  DEMO_PASSWORD,
  DEMO_TIMEZONE,
  DEMO_USERNAMES,
  generateDemo,
  type DemoOptions,
} from './demo.generator.js';
import { GET_TO_KNOW_YOU, getQuestionnaire } from '../../platform/content/questionnaires.js';
import { generateKnowDemo } from './demo.know.js';
import { demoRepository } from './demo.repository.js';

export interface DemoSummary {
  districtId: string;
  counts: Record<string, number>;
  signIns: Array<{ role: string; username: string; password: string }>;
}

/** True when the database has no district yet: `serve` seeds the demo only then. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return !(await demoRepository(db).hasAnyDistrict());
}

/** Generates and inserts the demo district in one transaction. */
export async function seedDemo(
  db: Kysely<Database>,
  opts: Partial<DemoOptions> = {},
  now = new Date(),
): Promise<DemoSummary> {
  const options: DemoOptions = { ...DEMO_DEFAULTS, today: localDate(now, DEMO_TIMEZONE), ...opts };
  const data = generateDemo(options);
  // The demo teacher's practice replaces their generated moments (and names two students Lucia).
  const practice = demoTeacherPractice(data, options.today);
  data.interactions = practice.interactions;
  const taken = await demoRepository(db).usernameTaken(Object.values(DEMO_USERNAMES));
  if (taken)
    throw new ConflictError(
      `A demo district already exists here (the username "${taken}" is taken).`,
    );

  // scrypt runs on libuv's thread pool, so hashing the staff accounts in parallel uses every core.
  const hashed = await Promise.all(
    data.accounts.map(async (a) => ({
      ...a.row,
      password_hash: await hashPassword(DEMO_PASSWORD),
    })),
  );
  await db.transaction().execute(async (trx) => {
    const repo = demoRepository(trx);
    await repo.insertAll('districts', [data.district]);
    await repo.insertAll('schools', data.schools);
    await repo.insertAll('terms', data.terms);
    await repo.insertAll('term_days_off', data.daysOff);
    await repo.insertAll('courses', data.courses);
    await repo.insertAll('classes', data.classes);
    await repo.insertAll('people', data.people);
    await repo.insertAll('guardianships', data.guardianships);
    await repo.insertAll('demographics', demoDemographics(data));
    await repo.insertAll('enrollments', data.enrollments);
    await repo.insertAll('accounts', hashed);
    await repo.insertAll('interactions', data.interactions);
    await repo.insertAll('plans', practice.plans);
    await repo.insertAll('dyad_flags', practice.dyadFlags);
    await repo.insertAll('dyad_stages', practice.dyadStages);
    await repo.insertAll('incidents', practice.incidents);
    await repo.insertAll('incident_explanations', practice.incidentExplanations);
    await repo.insertAll('repair_closures', practice.repairClosures);
    await seedDemoSurveys(trx, data, options.today, data.district.timezone);
    const know = generateKnowDemo(
      data,
      getQuestionnaire(GET_TO_KNOW_YOU),
      DEMO_USERNAMES.teacher,
      DEMO_USERNAMES.student,
      now.toISOString(),
    );
    await repo.insertAll('questionnaire_responses', know.responses);
    await repo.insertAll('questionnaire_answers', know.answers);
    await repo.insertAll('student_profile_fields', know.profileFields);
  });
  const kinds = (k: string) => data.people.filter((p) => p.kind === k).length;
  return {
    districtId: data.district.id,
    counts: {
      schools: data.schools.length,
      staff: kinds('staff'),
      students: kinds('student'),
      guardians: kinds('guardian'),
      classes: data.classes.length,
      enrollments: data.enrollments.length,
      interactions: data.interactions.length,
    },
    signIns: (['teacher', 'leader', 'district_admin', 'student'] as const).map((role) => ({
      role,
      username: DEMO_USERNAMES[role],
      password: DEMO_PASSWORD,
    })),
  };
}
