import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestDb, testDialects } from '../../../../test/harness.js';
import { migrateToLatest, openDatabase, type Db } from '../../platform/db/database.js';
import { migrations } from '../../platform/db/migrations/index.js';
import type { App } from '../../platform/http/app.js';

describe.each(testDialects())('health and migrations on $name', ({ name, target }) => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('answers /healthz with the dialect and the newest migration', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: { dialect: name, reachable: true, migration: Object.keys(migrations).at(-1) },
      replica: 'none',
      replicaLagSeconds: null,
    });
  });

  it('migrating again applies nothing', async () => {
    const result = await migrateToLatest(db);
    expect(result.results).toEqual([]);
  });

  it('answers 503 without internals when the database is gone', async () => {
    const lost = openDatabase(target());
    await migrateToLatest(lost);
    const lostApp = await buildTestApp(lost);
    await lost.close();
    const res = await lostApp.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'degraded',
      database: { reachable: false, migration: null },
    });
    await lostApp.close();
  });

  it("starts every tenant table's primary key with district_id", async () => {
    const tenantTables = [
      'schools',
      'terms',
      'term_days_off',
      'courses',
      'classes',
      'people',
      'guardianships',
      'enrollments',
      'accounts',
      'sessions',
      'audit_log',
      'interactions',
      'plans',
      'incidents',
      'incident_explanations',
      'dyad_stages',
      'dyad_flags',
      'focus_dismissals',
      'repair_closures',
      'student_profile_fields',
      'questionnaire_responses',
      'questionnaire_answers',
      'survey_waves',
      'survey_administrations',
      'survey_administration_targets',
      'survey_participations',
      'survey_drafts',
      'survey_responses',
      'survey_answers',
      'survey_answer_people',
      'survey_response_shares',
      'one_time_links',
      'link_sessions',
      'survey_report_settings',
    ];
    for (const table of tenantTables) {
      const meta = (await db.kysely.introspection.getTables()).find((t) => t.name === table);
      expect(meta?.columns[0]?.name, table).toBe('district_id');
    }
  });
});
