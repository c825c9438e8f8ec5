// The strategy library through the real app: signed in, in the caller's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../../../../test/factories.js';
import { buildTestApp, openTestDb, signIn, testDialects } from '../../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';

describe.each(testDialects())('strategy library in the app on $name', ({ target }) => {
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

  it("lists what helps in restore, in the teacher's language", async () => {
    const r = await buildClassroom(db.kysely, { today: '2026-11-23', students: 0 });
    const t = await signIn(app, r.teacher.account.username, r.teacher.account.password);
    const en = (await t.get('/api/strategies?stage=restore')).json();
    expect(en.lang).toBe('en');
    const slugs = en.strategies.map((s: { slug: string }) => s.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'empathy-statements',
        'relationship-repair',
        'charitable-explanations',
      ]),
    );
    expect(slugs).not.toContain('two-by-ten');
    await t.put('/api/auth/locale', { locale: 'es' });
    const es = (await t.get('/api/strategies/empathy-statements')).json();
    expect(es.html).toMatch(/<h2/);
    expect(es.title).not.toBe(
      en.strategies.find((s: { slug: string }) => s.slug === 'empathy-statements').title,
    );
  });
});
