import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../../../../test/factories.js';
import {
  buildTestApp,
  clientFor,
  openTestDb,
  signIn,
  testDialects,
} from '../../../../test/harness.js';
import type { App } from '../../platform/http/app.js';
import type { Db } from '../../platform/db/database.js';

const T0 = new Date('2026-11-23T15:00:00Z');
// Throttle counters are not tenant data, so on a database kept between runs each run needs
// names and addresses of its own.
const run = Math.floor(Math.random() * 250) + 1;
const ip = (n: number) => `10.${run}.${Math.floor(n / 250)}.${(n % 250) + 1}`;

describe.each(testDialects())('sign-in and sessions on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let clock = T0;
  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => clock });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const teacher = async () =>
    (await buildClassroom(db.kysely, { today: '2026-11-23', students: 1 })).teacher.account;
  const attempt = (username: string, password: string, address = ip(700)) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
      remoteAddress: address,
    });

  it('signs in by username or email and sets an HttpOnly, SameSite=Lax, signed cookie', async () => {
    const acct = await teacher();
    const res = await attempt(acct.username.toUpperCase(), acct.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'rapport_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeUndefined(); // plain HTTP in the test; Secure over HTTPS (below)
    expect(res.json().user.role).toBe('teacher');
    expect((await attempt(acct.email!, acct.password)).statusCode).toBe(200);
    // The token itself is never stored: the session row holds its hash.
    const rows = await db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('account_id', '=', acct.id)
      .execute();
    const token = decodeURIComponent(cookie.value).split('.')[1]!;
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('marks the cookie Secure when served over HTTPS (behind a trusted proxy)', async () => {
    const acct = await teacher();
    const proxied = await buildTestApp(db, { trustProxy: 1 });
    try {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: acct.username, password: acct.password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'rapport_session')!.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('says plainly when the password is wrong, without telling whether the account exists', async () => {
    const acct = await teacher();
    const wrong = await attempt(acct.username, 'not-it');
    const unknown = await attempt(`nobody-here-${crypto.randomUUID()}`, 'not-it');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.message).toMatch(/do not match/);
  });

  it('locks an account after 5 failures with a clear message, even for the right password, until the lockout ends', async () => {
    const acct = await teacher();
    for (let i = 0; i < 5; i++)
      expect((await attempt(acct.username, 'wrong', ip(i))).statusCode).toBe(401);
    const locked = await attempt(acct.username, acct.password, ip(99));
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(
      /Too many failed sign-ins for this account\. Try again in 15 minutes/,
    );
    expect(Number(locked.headers['retry-after'])).toBe(900);
    clock = new Date(T0.getTime() + 16 * 60_000);
    try {
      expect((await attempt(acct.username, acct.password, ip(99))).statusCode).toBe(200);
    } finally {
      clock = T0;
    }
  });

  it('counts failures per account whatever name was typed: username and email are one account', async () => {
    // The attack: five wrong by username locked the name, and the email still signed in;
    // five by username and five by email gave ten guesses.
    const acct = await teacher();
    for (let i = 0; i < 3; i++)
      expect((await attempt(acct.username, 'wrong', ip(200 + i))).statusCode).toBe(401);
    for (let i = 0; i < 2; i++)
      expect((await attempt(acct.email!.toUpperCase(), 'wrong', ip(210 + i))).statusCode).toBe(401);
    for (const name of [acct.username, acct.email!]) {
      const locked = await attempt(name, acct.password, ip(220));
      expect(locked.statusCode, name).toBe(429);
      expect(locked.json().error.message).toMatch(/for this account/);
    }
    // A name no account has locks after five as well: a lockout tells nothing about who exists.
    const unknown = `nobody-${crypto.randomUUID()}`;
    for (let i = 0; i < 5; i++)
      expect((await attempt(unknown, 'wrong', ip(230 + i))).statusCode).toBe(401);
    expect((await attempt(unknown, 'wrong', ip(240))).statusCode).toBe(429);
  });

  it('throttles an address that tries many accounts', async () => {
    const address = ip(500);
    for (let i = 0; i < 30; i++)
      await attempt(`guess-${i}-${crypto.randomUUID()}`, 'wrong', address);
    const acct = await teacher();
    const res = await attempt(acct.username, acct.password, address);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/from this network address/);
    expect((await attempt(acct.username, acct.password, ip(501))).statusCode).toBe(200);
  });

  it('requires the CSRF token on state-changing requests, and refuses other origins', async () => {
    const acct = await teacher();
    const c = await signIn(app, acct.username, acct.password);
    const noToken = await app.inject({
      method: 'PUT',
      url: '/api/auth/locale',
      payload: { locale: 'es' },
      headers: { cookie: c.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.message).toMatch(/CSRF/);
    const foreign = await app.inject({
      method: 'PUT',
      url: '/api/auth/locale',
      payload: { locale: 'es' },
      headers: {
        cookie: c.cookie,
        'x-csrf-token': c.csrf,
        origin: 'https://evil.example',
        host: 'rapport.example',
      },
    });
    expect(foreign.statusCode).toBe(403);
    const locale = await db.kysely
      .selectFrom('accounts')
      .select('locale')
      .where('id', '=', acct.id)
      .executeTakeFirstOrThrow();
    expect(locale.locale).toBe('en');
    expect((await c.put('/api/auth/locale', { locale: 'es' })).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).json().user.locale).toBe('es');
  });

  it('signs out: the old cookie no longer works', async () => {
    const acct = await teacher();
    const c = await signIn(app, acct.username, acct.password);
    expect((await c.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('expires an idle session after its lifetime and slides it while in use', async () => {
    const acct = await teacher();
    const c = await signIn(app, acct.username, acct.password);
    // Real time drives session expiry; move the row's expiry instead of the clock.
    await db.kysely
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 60 * 60_000).toISOString() })
      .where('account_id', '=', acct.id)
      .execute();
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    const slid = await db.kysely
      .selectFrom('sessions')
      .select('expires_at')
      .where('account_id', '=', acct.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(slid.expires_at)).toBeGreaterThan(Date.now() + 11 * 3600_000);
    await db.kysely
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('account_id', '=', acct.id)
      .execute();
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('rejects a tampered cookie', async () => {
    const acct = await teacher();
    const c = await signIn(app, acct.username, acct.password);
    const tampered = clientFor(
      app,
      c.cookie.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')),
      c.csrf,
    );
    expect((await tampered.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a deactivated account', async () => {
    const acct = await teacher();
    const c = await signIn(app, acct.username, acct.password);
    await db.kysely.updateTable('accounts').set({ active: 0 }).where('id', '=', acct.id).execute();
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    expect((await attempt(acct.username, acct.password, ip(600))).statusCode).toBe(401);
  });
});
