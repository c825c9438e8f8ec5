// Sign-in errors and the language switch, in a real browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../test/factories.js';
import {
  TODAY,
  browserAvailable,
  expectNoAxeViolations,
  expectText,
  openPage,
  startHarness,
  type Harness,
} from './harness.js';

describe.skipIf(!browserAvailable)('sign-in and language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    "shows the server's message for a wrong password, then for the lockout",
    { timeout: 60_000 },
    async () => {
      const room = await buildClassroom(h.db.kysely, { today: TODAY });
      const { page, context, pageErrors } = await openPage(h);
      await page.goto('/sign-in');
      const username = page.getByLabel('Username or email');
      const password = page.getByLabel('Password');
      const submit = page.getByRole('button', { name: 'Sign in' });

      await username.fill(room.teacher.account.username);
      await password.fill('not-the-password');
      await submit.click();
      const alert = page.getByRole('alert');
      await expectText(alert, 'That username and password do not match. Check both and try again.');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expectNoAxeViolations(page, 'sign-in with an error');

      // The fifth failure locks the account (domain/throttle.ts); the sixth try is refused with
      // the throttling message, even with the right password.
      for (let attempt = 2; attempt <= 5; attempt++) {
        await password.fill(`wrong-${attempt}`);
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
        await submit.click();
        expect((await answered).status()).toBe(401);
      }
      await expectText(alert, 'This account is now locked for 15 minutes.');
      await password.fill(room.teacher.account.password);
      await submit.click();
      await expectText(alert, 'Too many failed sign-ins for this account. Try again in 15 minutes');
      expect(new URL(page.url()).pathname).toBe('/sign-in');

      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'switches to Español, and keeps it after a reload and on the account',
    { timeout: 60_000 },
    async () => {
      const room = await buildClassroom(h.db.kysely, { today: TODAY });
      const { page, context, pageErrors } = await openPage(h);
      await page.goto('/sign-in');
      await page.getByLabel('Username or email').fill(room.teacher.account.username);
      await page.getByLabel('Password').fill(room.teacher.account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: /^Good to see you/ }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/auth/locale') && r.status() === 200,
      );
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: /^Qué gusto verte/ }).waitFor();
      await saved;
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await expectText(page.getByRole('region', { name: 'Hoy' }), 'Periodo 2');
      await expectText(page.getByRole('banner'), 'Cerrar sesión');
      expect(await page.title()).toBe('Inicio · Rapport');
      await expectNoAxeViolations(page, 'teacher home in Spanish');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Qué gusto verte/ }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');

      // The class view in Spanish: kind buttons and counts.
      await page
        .getByRole('region', { name: 'Hoy' })
        .getByRole('link', { name: /Science 7/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
      await expectText(page.getByRole('main'), 'Momentos cálidos: 0');
      await page.getByRole('button', { name: 'Seleccionar a todos' }).click();
      await page.getByRole('button', { name: 'Momento cálido', exact: true }).click();
      await expectText(
        page.getByRole('status').filter({ hasText: 'registrado' }),
        'Momento cálido registrado para Student1, Student2 y Student3',
      );
      await expectNoAxeViolations(page, 'class view in Spanish');

      // Signed out, the sign-in page on this device stays in Spanish.
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      await expectNoAxeViolations(page, 'sign-in in Spanish');
      expect(pageErrors).toEqual([]);
      await context.close();

      // A fresh device starts in English, and signing in applies the account's saved language.
      const fresh = await openPage(h);
      await fresh.page.goto('/sign-in');
      await fresh.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await fresh.page.getByLabel('Username or email').fill(room.teacher.account.username);
      await fresh.page.getByLabel('Password').fill(room.teacher.account.password);
      await fresh.page.getByRole('button', { name: 'Sign in' }).click();
      await fresh.page.getByRole('heading', { level: 1, name: /^Qué gusto verte/ }).waitFor();
      expect(fresh.pageErrors).toEqual([]);
      await fresh.context.close();
    },
  );

  it(
    'saves a language picked on the sign-in page to the account',
    { timeout: 60_000 },
    async () => {
      const room = await buildClassroom(h.db.kysely, { today: TODAY });
      const { page, context } = await openPage(h);
      await page.goto('/sign-in');
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      await page.getByLabel('Usuario o correo electrónico').fill(room.teacher.account.username);
      await page.getByLabel('Contraseña').fill('wrong password');
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      // The server's messages are in English for now; the page around them is Spanish.
      await expectText(page.getByRole('alert'), 'That username and password do not match.');
      await page.getByLabel('Contraseña').fill(room.teacher.account.password);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.getByRole('heading', { level: 1, name: /^Qué gusto verte/ }).waitFor();
      const account = await h.db.kysely
        .selectFrom('accounts')
        .select('locale')
        .where('id', '=', room.teacher.account.id)
        .executeTakeFirstOrThrow();
      expect(account.locale).toBe('es');
      await context.close();
    },
  );
});
