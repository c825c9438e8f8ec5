// Offline logging in a real browser: the service worker keeps the class view (and a reload of
// it) working without a network, logs wait on the device with their client ids, the class view
// says how many wait, and on reconnect each reaches the server exactly once. Also: two tabs do
// not send the same log twice, a log the server failed to take while online is kept and sent
// later, a log the server refuses is reported and removed, and an ended session keeps the logs
// until the teacher signs in again. And one logging path for every page: offline, a repair, a
// one-on-one, a short note and a hard moment logged from a student's page wait in the same outbox
// as the class view's taps, and each reaches the server once (at 390 px).
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetRosters } from '../src/server/platform/access/roster-cache.js';
import { buildClassroom } from '../test/factories.js';
import {
  NOW,
  TODAY,
  browserAvailable,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoText,
  expectText,
  focused,
  openPage,
  tabTo,
  startHarness,
  type Harness,
} from './harness.js';

/** The moment of every tap: the browser's clock is fixed shortly before the server's (fixed)
 * "now", as a device's clock agrees with the server's, so a queued log falls on TODAY. */
const TAP_TIME = new Date(NOW.getTime() - 5 * 60_000);

async function classroom(h: Harness) {
  return buildClassroom(h.db.kysely, {
    today: TODAY,
    studentNames: [
      { given: 'Ana', family: 'Lopez' },
      { given: 'Benjamin', preferred: 'Ben', family: 'Okafor' },
      { given: 'Chloe', family: 'Nguyen' },
    ],
  });
}
type Room = Awaited<ReturnType<typeof classroom>>;

/** Every POST /api/interactions the context's pages send (what the server is asked to log). */
function recordLogRequests(context: BrowserContext): Array<{ clientId: string }> {
  const sent: Array<{ clientId: string }> = [];
  context.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/interactions')
      sent.push(request.postDataJSON() as { clientId: string });
  });
  return sent;
}

async function signIn(page: Page, room: Room) {
  await page.goto('/sign-in');
  await page.getByLabel('Username or email').fill(room.teacher.account.username);
  await page.getByLabel('Password').fill(room.teacher.account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Good to see you/ }).waitFor();
  await expectNoAxeViolations(page, 'teacher home');
}

/** Waits until the service worker controls the page and has cached what a reload of the class
 * view needs offline: the shell, the session and the class. */
async function waitUntilReadyOffline(page: Page, classId: string) {
  const needed = ['/', '/api/auth/session', `/api/classes/${classId}`];
  await expect
    .poll(
      () =>
        page.evaluate(async (paths) => {
          if (!navigator.serviceWorker.controller) return 'no service worker in control';
          for (const path of paths) if (!(await caches.match(path))) return `${path} not cached`;
          return 'ready';
        }, needed),
      { timeout: 15_000 },
    )
    .toBe('ready');
}

async function openClass(page: Page, room: Room) {
  // The service worker must control the page before the class is fetched: a response fetched
  // before it took control is not in its cache, and nothing fetches it again on this page.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 15_000,
    })
    .toBe(true);
  await page
    .getByRole('region', { name: 'Today' })
    .getByRole('link', { name: /Science 7/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
  await waitUntilReadyOffline(page, room.cls.id);
}

/** Taps one student, then a kind, and waits for the toast. */
async function logFor(page: Page, student: RegExp, kind: string) {
  await page.getByRole('button', { name: student }).click();
  await page.getByRole('button', { name: kind, exact: true }).click();
  await expectText(page.getByRole('status').filter({ hasText: 'logged' }), `${kind} logged for`);
}

/** The class view's sync status ("3 waiting to sync", "All saved"), a polite live region. */
function syncStatus(page: Page) {
  return page.getByRole('status').and(page.locator('.sync-status'));
}

const byText = (a: string[], b: string[]) => (a.join() < b.join() ? -1 : 1);

/** The rows the server holds for the class, as [kind, student id] sorted. */
async function rowsOf(h: Harness, classId: string) {
  const rows = await h.db.kysely
    .selectFrom('interactions')
    .select(['client_id', 'kind', 'student_id', 'occurred_at', 'undone_at'])
    .where('class_id', '=', classId)
    .execute();
  return rows.sort((a, b) => byText([a.kind, a.student_id], [b.kind, b.student_id]));
}

describe.skipIf(!browserAvailable)('the class view offline', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    'logs three moments offline, keeps them through a reload, and syncs each exactly once',
    { timeout: 120_000 },
    async () => {
      const room = await classroom(h);
      const [ana, ben, chloe] = room.students;
      const { page, context, pageErrors } = await openPage(h);
      await context.clock.setFixedTime(TAP_TIME);
      const sent = recordLogRequests(context);
      await signIn(page, room);
      await openClass(page, room);

      const status = syncStatus(page);
      await expectText(status, 'All saved');
      const anaButton = page.getByRole('button', { name: /^Ana Lopez/ });
      const benButton = page.getByRole('button', { name: /^Ben Okafor/ });
      const chloeButton = page.getByRole('button', { name: /^Chloe Nguyen/ });

      await context.setOffline(true);
      await expectText(status, 'You are offline');
      // Three single-student logs: three rows on the server, once they get there.
      await logFor(page, /^Ana Lopez/, 'Warm moment');
      await expectText(
        page.getByRole('status').filter({ hasText: 'logged' }),
        'Warm moment logged for Ana. Saved on this device',
      );
      await expectText(status, '1 waiting to sync');
      await logFor(page, /^Ben Okafor/, 'Affirmation');
      await logFor(page, /^Chloe Nguyen/, 'Affirmation');
      await expectText(status, '3 waiting to sync');
      await expectText(page.getByRole('banner'), '3 waiting to sync');
      // The counts include the waiting logs.
      await expectText(anaButton, 'Warm moments: 1');
      await expectText(anaButton, 'Affirmations: 0');
      await expectText(benButton, 'Affirmations: 1');
      await expectText(chloeButton, 'Affirmations: 1');
      // A waiting log can be undone: it leaves the outbox before it is ever sent.
      await logFor(page, /^Ana Lopez/, 'Correction');
      await expectText(status, '4 waiting to sync');
      await expectText(anaButton, 'Corrections: 1');
      await page
        .getByRole('status')
        .filter({ hasText: 'logged' })
        .getByRole('button', { name: 'Undo' })
        .click();
      await expectText(
        page.getByRole('status').filter({ hasText: 'Undone' }),
        'Undone: nothing is logged for Ana',
      );
      await expectText(status, '3 waiting to sync');
      await expectText(anaButton, 'Corrections: 0');
      await expectNoAxeViolations(page, 'class view offline with logs waiting');

      // Nothing has reached the server.
      expect(await rowsOf(h, room.cls.id)).toEqual([]);
      expect(sent).toEqual([]);

      // A reload offline: the service worker serves the page and the cached reads, and the
      // waiting logs are still on the device.
      const reloaded = await page.reload();
      expect(reloaded?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
      await expectText(status, '3 waiting to sync');
      await expectText(status, 'You are offline');
      await expectText(anaButton, 'Warm moments: 1');
      await expectText(benButton, 'Affirmations: 1');
      await expectText(chloeButton, 'Affirmations: 1');
      await expectText(anaButton, 'Corrections: 0');
      await expectNoAxeViolations(page, 'class view reloaded offline');
      expect(await rowsOf(h, room.cls.id)).toEqual([]);

      // Back online: the outbox syncs on its own.
      await context.setOffline(false);
      await expectText(status, 'All saved');
      await expectNoText(page.getByRole('banner'), 'waiting to sync');
      const rows = await rowsOf(h, room.cls.id);
      expect(rows.map((r) => [r.kind, r.student_id])).toEqual(
        [
          ['affirmation', ben!.id],
          ['affirmation', chloe!.id],
          ['warm_moment', ana!.id],
        ].sort(byText),
      );
      expect(new Set(rows.map((r) => r.client_id)).size).toBe(3);
      // Dated to the tap, not to the sync.
      for (const r of rows) expect(r.occurred_at).toBe(TAP_TIME.toISOString());
      expect(rows.every((r) => r.undone_at === null)).toBe(true);
      // Each log was sent once (the undone one never).
      expect(sent.map((s) => s.clientId).sort()).toEqual(rows.map((r) => r.client_id).sort());
      // The counts now come from the server, and still show each log once.
      await expectText(anaButton, 'Warm moments: 1');
      await expectText(benButton, 'Affirmations: 1');
      await expectText(chloeButton, 'Affirmations: 1');

      // A reload sends nothing again.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
      await expectText(status, 'All saved');
      await expectText(anaButton, 'Warm moments: 1');
      await expectText(benButton, 'Affirmations: 1');
      expect(await rowsOf(h, room.cls.id)).toHaveLength(3);
      expect(sent).toHaveLength(3);
      await expectNoAxeViolations(page, 'class view after syncing');

      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    "logs offline from the class view and from a student's page, and syncs each exactly once",
    { timeout: 120_000 },
    async () => {
      const room = await classroom(h);
      const [ana, ben] = room.students;
      // A correction two hours before the taps: Ana's page has a repair waiting.
      const correctedAt = new Date(TAP_TIME.getTime() - 2 * 3_600_000).toISOString();
      await h.db.kysely
        .insertInto('interactions')
        .values({
          district_id: room.district.id,
          id: crypto.randomUUID(),
          client_id: 'seeded-correction',
          author_account_id: room.teacher.account.id,
          teacher_id: room.teacher.person.id,
          student_id: ana!.id,
          class_id: room.cls.id,
          kind: 'correction',
          tag: null,
          note: null,
          occurred_at: correctedAt,
          created_at: correctedAt,
          undone_at: null,
        })
        .execute();
      const { page, context, pageErrors } = await openPage(h, {
        viewport: { width: 390, height: 844 },
      });
      await context.clock.setFixedTime(TAP_TIME);
      const sent = recordLogRequests(context);
      let incidentPosts = 0;
      context.on('request', (request: Request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/incidents')
          incidentPosts++;
      });
      await signIn(page, room);
      await openClass(page, room);

      // Ana's page, read while online; then the network goes.
      await page.getByRole('link', { name: 'Card for Ana Lopez' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
      const repair = page.getByRole('region', { name: 'Repair', exact: true });
      await expectText(repair, 'A repair is waiting');
      await context.setOffline(true);

      // A repair: kept on the device, and the repair shows as closed at once.
      await repair.getByRole('button', { name: 'Log a repair conversation' }).click();
      await expectText(
        repair.getByRole('status'),
        'Repair logged. Saved on this device; it will sync when the connection is back',
      );
      await expectText(repair, 'The repair you logged on this device closes it once it syncs.');
      expect(await repair.getByRole('button').count()).toBe(0);

      const logSection = page.getByRole('region', { name: 'Log a moment' });
      const toast = logSection.getByRole('status').and(page.locator('.toast-region'));
      // By keyboard: the repair's heading has focus; the one-on-one and the note come next.
      await tabTo(page, 'Log a one-on-one meeting');
      await page.keyboard.press('Enter');
      await expectText(
        toast,
        'One-on-one meeting logged for Ana. Saved on this device; it will sync',
      );
      // An empty note is refused on the spot, naming the field, and focus goes to the field.
      await tabTo(page, 'Save note');
      await page.keyboard.press('Enter');
      await expectText(logSection.getByRole('alert'), 'Short note: write something before saving.');
      const note = logSection.getByLabel('Short note');
      expect(await note.getAttribute('aria-invalid')).toBe('true');
      expect((await focused(page)).tag).toBe('textarea');
      await page.keyboard.type('Asked about the robotics club');
      await tabTo(page, 'Save note');
      await page.keyboard.press('Enter');
      await expectText(toast, 'Note logged for Ana. Saved on this device');
      expect(await note.inputValue()).toBe('');
      // A family contact, undone before it was ever sent.
      await logSection.getByRole('button', { name: 'Log a family contact' }).click();
      await expectText(toast, 'Family contact logged for Ana');
      await toast.getByRole('button', { name: 'Undo' }).click();
      await expectText(toast, 'Undone: Family contact is no longer logged.');
      // A hard moment goes the same way.
      const incident = page.getByRole('region', { name: 'Log a hard moment' });
      await incident.getByLabel('What happened?').fill('Put her head down during the lab');
      await incident.getByLabel('Explanation 1', { exact: true }).fill('Tired after a late shift');
      await incident.getByLabel('Explanation 2', { exact: true }).fill('Avoiding the group');
      await incident.getByRole('checkbox', { name: 'Charitable (explanation 1)' }).check();
      await incident.getByLabel('What will you try next?').fill('Ask quietly how she is');
      await incident.getByRole('button', { name: 'Save', exact: true }).click();
      await expectText(incident.getByRole('status'), 'Saved on this device; it will sync');
      await expectText(page.getByRole('banner'), '4 waiting to sync');
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, "a student's page offline with logs waiting");

      // Back to the class view (still offline): one more tap there, into the same outbox.
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
      const status = syncStatus(page);
      await expectText(status, '4 waiting to sync');
      await logFor(page, /^Ben Okafor/, 'Warm moment');
      await expectText(status, '5 waiting to sync');
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'class view offline after logging on a student page');
      expect(sent).toEqual([]);
      expect((await rowsOf(h, room.cls.id)).map((r) => r.client_id)).toEqual(['seeded-correction']);

      // Back online: all four reach the server, once each, dated to their taps.
      await context.setOffline(false);
      await expectText(status, 'All saved');
      const rows = (await rowsOf(h, room.cls.id)).filter(
        (r) => r.client_id !== 'seeded-correction',
      );
      expect(rows.map((r) => [r.kind, r.student_id])).toEqual(
        [
          ['note', ana!.id],
          ['one_on_one', ana!.id],
          ['repair', ana!.id],
          ['warm_moment', ben!.id],
        ].sort(byText),
      );
      for (const r of rows) expect(r.occurred_at).toBe(TAP_TIME.toISOString());
      expect(rows.every((r) => r.undone_at === null)).toBe(true);
      expect(sent.map((s) => s.clientId).sort()).toEqual(rows.map((r) => r.client_id).sort());
      const noteRow = await h.db.kysely
        .selectFrom('interactions')
        .select('note')
        .where('kind', '=', 'note')
        .where('student_id', '=', ana!.id)
        .executeTakeFirstOrThrow();
      expect(noteRow.note).toBe('Asked about the robotics club');
      const incidents = await h.db.kysely
        .selectFrom('incidents')
        .select(['what_happened', 'occurred_at'])
        .where('student_id', '=', ana!.id)
        .execute();
      expect(incidents).toEqual([
        { what_happened: 'Put her head down during the lab', occurred_at: TAP_TIME.toISOString() },
      ]);
      expect(incidentPosts).toBe(1);

      // Ana's page now reads the server's answer: the repair is closed there too, and the
      // note is in the teacher's own recent moments.
      await page.getByRole('link', { name: 'Card for Ana Lopez' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
      await expectText(
        page.getByRole('region', { name: 'Repair', exact: true }),
        'Nothing is waiting for repair.',
      );
      await expectText(
        page.getByRole('region', { name: 'Moments you logged recently' }),
        'Asked about the robotics club',
      );
      await expectNoAxeViolations(page, "a student's page after syncing");
      expect(sent).toHaveLength(4);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    "keeps a repair the server failed to take on a student's page, and sends it by itself",
    { timeout: 60_000 },
    async () => {
      const room = await classroom(h);
      const [ana] = room.students;
      const correctedAt = new Date(TAP_TIME.getTime() - 3_600_000).toISOString();
      await h.db.kysely
        .insertInto('interactions')
        .values({
          district_id: room.district.id,
          id: crypto.randomUUID(),
          client_id: 'seeded-correction',
          author_account_id: room.teacher.account.id,
          teacher_id: room.teacher.person.id,
          student_id: ana!.id,
          class_id: room.cls.id,
          kind: 'correction',
          tag: null,
          note: null,
          occurred_at: correctedAt,
          created_at: correctedAt,
          undone_at: null,
        })
        .execute();
      const { page, context, pageErrors } = await openPage(h);
      await context.clock.setFixedTime(TAP_TIME);
      await signIn(page, room);
      await page.goto(`/students/${ana!.id}`);
      await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
      const repair = page.getByRole('region', { name: 'Repair', exact: true });
      await expectText(repair, 'A repair is waiting');

      await page.route('**/api/interactions', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'Down for a moment.' } }),
        }),
      );
      await repair.getByRole('button', { name: 'Log an empathy statement' }).click();
      const alert = repair.getByRole('alert');
      await expectText(alert, 'Down for a moment.');
      await expectText(alert, 'It is saved on this device and will sync by itself');
      await expectText(page.getByRole('banner'), '1 waiting to sync');
      await expectNoAxeViolations(page, "a student's page with a kept repair");

      await page.unroute('**/api/interactions');
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expectNoText(page.getByRole('banner'), 'waiting to sync');
      // Sent by the outbox: the alert goes, and the page reads the closed repair.
      await expect.poll(() => repair.getByRole('alert').count()).toBe(0);
      await expectText(repair, 'Nothing is waiting for repair.');
      const rows = await rowsOf(h, room.cls.id);
      expect(rows.map((r) => [r.kind, r.occurred_at])).toEqual([
        ['correction', correctedAt],
        ['empathy_statement', TAP_TIME.toISOString()],
      ]);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it('two tabs share the outbox and send each log once', { timeout: 90_000 }, async () => {
    const room = await classroom(h);
    const { page, context, pageErrors } = await openPage(h);
    await context.clock.setFixedTime(TAP_TIME);
    const sent = recordLogRequests(context);
    await signIn(page, room);
    await openClass(page, room);
    const other = await context.newPage();
    await other.goto(`/classes/${room.cls.id}`);
    await other.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();

    await context.setOffline(true);
    await logFor(page, /^Ana Lopez/, 'Warm moment');
    await logFor(other, /^Ben Okafor/, 'Correction');
    // Each tab sees the other's log waiting.
    for (const p of [page, other]) await expectText(syncStatus(p), '2 waiting to sync');
    await expectText(other.getByRole('button', { name: /^Ana Lopez/ }), 'Warm moments: 1');

    // Both tabs see the network return; only one sends.
    await context.setOffline(false);
    for (const p of [page, other]) await expectText(syncStatus(p), 'All saved');
    const rows = await rowsOf(h, room.cls.id);
    expect(rows.map((r) => r.kind)).toEqual(['correction', 'warm_moment']);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((s) => s.clientId)).size).toBe(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it(
    'keeps a log the server failed to take while online, and sends it by itself',
    { timeout: 60_000 },
    async () => {
      const room = await classroom(h);
      const [ana] = room.students;
      const { page, context, pageErrors } = await openPage(h);
      await context.clock.setFixedTime(TAP_TIME);
      await signIn(page, room);
      await openClass(page, room);

      // The server is down for a moment: 503.
      await page.route('**/api/interactions', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'Down for a moment.' } }),
        }),
      );
      const anaButton = page.getByRole('button', { name: /^Ana Lopez/ });
      await anaButton.click();
      await page.getByRole('button', { name: 'Affirmation', exact: true }).click();
      const alert = page.getByRole('alert');
      await expectText(alert, 'Down for a moment.');
      await expectText(alert, 'It is saved on this device and will sync by itself');
      await expectText(syncStatus(page), '1 waiting to sync');
      await expectText(anaButton, 'Affirmations: 1');
      expect(await rowsOf(h, room.cls.id)).toEqual([]);

      // The server is back; the next round (here: the browser reporting a network change)
      // sends it, and the alert goes away without a "Try again".
      await page.unroute('**/api/interactions');
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expectText(syncStatus(page), 'All saved');
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);
      const rows = await rowsOf(h, room.cls.id);
      expect(rows.map((r) => [r.kind, r.student_id, r.occurred_at])).toEqual([
        ['affirmation', ana!.id, TAP_TIME.toISOString()],
      ]);
      await expectText(anaButton, 'Affirmations: 1');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'keeps logs through an ended session, then reports the one the server refuses',
    { timeout: 90_000 },
    async () => {
      const room = await classroom(h);
      const [ana, ben] = room.students;
      const { page, context, pageErrors } = await openPage(h);
      await context.clock.setFixedTime(TAP_TIME);
      await signIn(page, room);
      await openClass(page, room);

      await context.setOffline(true);
      await logFor(page, /^Ana Lopez/, 'Warm moment');
      await logFor(page, /^Ben Okafor/, 'Affirmation');
      await expectText(syncStatus(page), '2 waiting to sync');

      // Meanwhile Ana leaves the class, and the teacher's session ends.
      await h.db.kysely
        .updateTable('enrollments')
        .set({ active: 0 })
        .where('person_id', '=', ana!.id)
        .execute();
      forgetRosters(h.db.kysely);
      await h.db.kysely
        .deleteFrom('sessions')
        .where('account_id', '=', room.teacher.account.id)
        .execute();

      // Back online: the server answers 401, so nothing is sent and nothing is dropped.
      await context.setOffline(false);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expectText(
        page.getByRole('alert'),
        'Sign in to sync the 2 moments saved on this device.',
      );
      await expectNoAxeViolations(page, 'sign-in with logs waiting');
      expect(await rowsOf(h, room.cls.id)).toEqual([]);

      // Signed in again: Ben's log is sent; Ana's is refused, reported once, and removed.
      await page.getByLabel('Username or email').fill(room.teacher.account.username);
      await page.getByLabel('Password').fill(room.teacher.account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Back where the session ended.
      await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
      const refusal = page.getByRole('alert').filter({ hasText: 'not accepted' });
      await expectText(
        refusal,
        'A moment saved on this device was not accepted, so it has been removed. ' +
          'The server said: studentIds[0]: is not a student in this class',
      );
      expect(await page.getByRole('alert').count()).toBe(1); // the sign-in notice is gone
      const rows = await rowsOf(h, room.cls.id);
      expect(rows.map((r) => [r.kind, r.student_id])).toEqual([['affirmation', ben!.id]]);
      await expectNoAxeViolations(page, 'a refused log reported');
      await refusal.getByRole('button', { name: 'Dismiss' }).click();
      expect(await page.getByRole('alert').count()).toBe(0);

      await expectText(syncStatus(page), 'All saved');
      await expectText(page.getByRole('button', { name: /^Ben Okafor/ }), 'Affirmations: 1');
      expect(await page.getByRole('button', { name: /^Ana Lopez/ }).count()).toBe(0);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});
