// Address throttling behind a real reverse-proxy hop (issue 14, item 3). The proxy below does
// what nginx's `proxy_add_x_forwarded_for` does: it appends the address of whoever connected to
// it to the X-Forwarded-For the client sent. A client that writes its own X-Forwarded-For must
// still be counted, and locked out, by its real address.
import {
  request as httpRequest,
  createServer,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, trustProxyVar, type TrustProxy } from '../src/server/platform/config.js';
import type { Db } from '../src/server/platform/db/database.js';
import type { App } from '../src/server/platform/http/app.js';
import { ADDRESS_RULE } from '../src/domain/throttle.js';
import { buildClassroom } from './factories.js';
import { buildTestApp, openTestDb, testDialects } from './harness.js';

/** The address the proxy connects to Rapport from (a loopback address of its own). */
const PROXY_ADDRESS = '127.0.0.2';
/** The client's real address: a loopback address of this run's own, so no other test's
 * failed sign-ins (on a database kept between runs) count against it. */
const CLIENT_ADDRESS = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${
  2 + Math.floor(Math.random() * 250)
}`;

/** A reverse proxy on loopback in front of `target`, appending the peer to X-Forwarded-For. */
async function startProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const out = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        localAddress: PROXY_ADDRESS,
        headers: { ...req.headers, 'x-forwarded-for': forwarded, 'x-forwarded-proto': 'http' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A sign-in from the client's real address, with whatever X-Forwarded-For it chooses to send. */
function signInFrom(
  baseUrl: string,
  body: { username: string; password: string },
  forgedFor?: string,
): Promise<{ status: number; body: { error?: { message: string } } }> {
  const url = new URL('/api/auth/sign-in', baseUrl);
  const payload = JSON.stringify(body);
  const headers: IncomingHttpHeaders = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
  };
  if (forgedFor) headers['x-forwarded-for'] = forgedFor;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: url.pathname,
        localAddress: CLIENT_ADDRESS,
        headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const forged = (i: number) => `203.0.113.${i + 1}`;

describe('TRUST_PROXY', () => {
  it('takes a number of hops or a list of addresses, and refuses "trust every hop"', () => {
    expect(trustProxyVar({}, 'TRUST_PROXY')).toBe(false);
    expect(trustProxyVar({ TRUST_PROXY: '0' }, 'TRUST_PROXY')).toBe(false);
    expect(trustProxyVar({ TRUST_PROXY: '2' }, 'TRUST_PROXY')).toBe(2);
    expect(trustProxyVar({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,::1' }, 'TRUST_PROXY')).toEqual([
      '10.0.0.0/8',
      '192.0.2.7',
      '::1',
    ]);
    const refused = (value: string) => {
      try {
        trustProxyVar({ TRUST_PROXY: value }, 'TRUST_PROXY');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error(`TRUST_PROXY=${value} was accepted`);
    };
    expect(refused('true')).toMatch(
      /TRUST_PROXY.*every X-Forwarded-For entry.*number of proxy hops/,
    );
    expect(refused('10.0.0.0/8,example.org')).toMatch(
      /TRUST_PROXY.*entry 2 \("example.org"\) is not an IP address or a CIDR range/,
    );
    expect(refused('10.0.0.0/33')).toMatch(/entry 1 .*prefix length .*between 0 and 32/);
    expect(refused('11')).toMatch(/at most 10 proxy hops/);
  });
});

describe.each(testDialects())(
  'address throttling behind a reverse proxy on $name',
  ({ target }) => {
    let db: Db;
    let username: string;
    let password: string;
    const running: Array<{ close: () => Promise<void> }> = [];

    beforeAll(async () => {
      db = await openTestDb(target());
      const room = await buildClassroom(db.kysely, { today: '2026-11-23', students: 1 });
      ({ username, password } = room.teacher.account);
    });
    beforeEach(async () => {
      await db.kysely
        .deleteFrom('sign_in_throttle')
        .where('key', '=', `address:${CLIENT_ADDRESS}`)
        .execute();
    });
    afterAll(async () => {
      for (const r of running.splice(0)) await r.close();
      await db.close();
    });

    /** Rapport with this TRUST_PROXY, listening on loopback, and the proxy in front of it. */
    async function behindProxy(trust: TrustProxy) {
      const app: App = await buildTestApp(db, { trustProxy: trust });
      const direct = await app.listen({ host: '127.0.0.1', port: 0 });
      running.push({ close: () => app.close() });
      const proxy = await startProxy(direct);
      running.push(proxy);
      return { direct, proxied: proxy.url };
    }

    /** ADDRESS_RULE.limit failed sign-ins, each under a new made-up address and account name. */
    async function failEachUnderANewAddress(baseUrl: string) {
      for (let i = 0; i < ADDRESS_RULE.limit; i++) {
        const res = await signInFrom(
          baseUrl,
          { username: `nobody-${i}-${CLIENT_ADDRESS}`, password: 'wrong' },
          forged(i),
        );
        expect(res.status).toBe(401);
      }
    }

    it.each([
      ['one proxy hop (TRUST_PROXY=1)', 1 as TrustProxy],
      [`the proxy's address (TRUST_PROXY=${PROXY_ADDRESS}/32)`, [`${PROXY_ADDRESS}/32`]],
    ])(
      'counts failures by the real address, not a forged X-Forwarded-For, with %s',
      async (_label, trust) => {
        const { proxied } = await behindProxy(trust);
        await failEachUnderANewAddress(proxied);
        // Locked: the right password from the same client is refused, with or without a header.
        for (const header of [undefined, forged(99), `${forged(98)}, ${forged(97)}`]) {
          const res = await signInFrom(proxied, { username, password }, header);
          expect(res.status, `X-Forwarded-For: ${header ?? '(none)'}`).toBe(429);
          expect(res.body.error?.message).toMatch(/from this network address/);
        }
      },
    );

    it('ignores X-Forwarded-For from a client that is not a listed proxy', async () => {
      const { direct } = await behindProxy([`${PROXY_ADDRESS}/32`]);
      // Straight to Rapport, past the proxy: the header names no proxy Rapport trusts.
      await failEachUnderANewAddress(direct);
      const res = await signInFrom(direct, { username, password }, forged(50));
      expect(res.status).toBe(429);
    });

    it('without a trusted proxy, a forged header does not move the count either', async () => {
      const { proxied } = await behindProxy(false);
      await failEachUnderANewAddress(proxied);
      // Every request reached Rapport from the proxy's own address: that address is locked, and
      // the forged entries counted for nothing.
      const rows = await db.kysely
        .selectFrom('sign_in_throttle')
        .select('key')
        .where('key', 'like', 'address:203.0.113.%')
        .execute();
      expect(rows).toEqual([]);
      await db.kysely
        .deleteFrom('sign_in_throttle')
        .where('key', '=', `address:${PROXY_ADDRESS}`)
        .execute();
    });
  },
);
