import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../contracts/auth.js';
import type { Role } from '../../../contracts/common.js';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  lockedFor,
  recordFailure,
  type ThrottleRule,
  type ThrottleState,
} from '../../../domain/throttle.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../platform/auth/passwords.js';
import type { Database } from '../../platform/db/schema.js';
import { TooManyRequestsError, UnauthenticatedError } from '../../platform/errors.js';
import { authRepository } from './auth.repository.js';

function toState(row: Database['sign_in_throttle'] | undefined): ThrottleState | undefined {
  return (
    row && {
      failures: row.failures,
      windowStartedAt: Date.parse(row.window_started_at),
      lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null,
    }
  );
}

/**
 * Adds one failure to a key's counter. Several instances may count for the same key at once:
 * each writes only over the row it read, and reads again when another got there first.
 */
async function countFailure(
  db: Kysely<Database>,
  key: string,
  rule: ThrottleRule,
  read: Array<Database['sign_in_throttle']>,
  now: number,
): Promise<ThrottleState> {
  const repo = authRepository(db);
  let prev = read.find((r) => r.key === key);
  for (let attempt = 0; ; attempt++) {
    const next = recordFailure(toState(prev), rule, now);
    const row = {
      key,
      failures: next.failures,
      window_started_at: new Date(next.windowStartedAt).toISOString(),
      locked_until: next.lockedUntil ? new Date(next.lockedUntil).toISOString() : null,
    };
    if ((await repo.replaceThrottle(prev, row)) || attempt >= 20) return next;
    prev = (await repo.throttleRows([key]))[0];
  }
}

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/**
 * The throttle key of a sign-in: the account whatever name was typed (its username or its
 * email count as one), or the typed name when no account has it, so an unknown name locks
 * exactly as a known one does and says nothing about which exist.
 */
function accountThrottleKey(login: string, account: { id: string } | undefined): string {
  return account ? `account-id:${account.id}` : `account:${login.trim().toLowerCase()}`;
}

/** Checks a username (or email) and password; throttles failures per account and per address. */
export async function signIn(
  db: Kysely<Database>,
  login: string,
  password: string,
  ip: string,
  now: Date,
) {
  const repo = authRepository(db);
  const account = await repo.findAccountForSignIn(login);
  const accountKey = accountThrottleKey(login, account);
  const addressKey = `address:${ip}`;
  const rows = await repo.throttleRows([accountKey, addressKey]);
  const accountState = toState(rows.find((r) => r.key === accountKey));
  const addressState = toState(rows.find((r) => r.key === addressKey));
  const t = now.getTime();

  const accountWait = lockedFor(accountState, t);
  if (accountWait > 0) {
    throw new TooManyRequestsError(
      `Too many failed sign-ins for this account. Try again in ${minutes(accountWait)} minutes, or ask your school's Rapport administrator to reset your password.`,
      Math.ceil(accountWait / 1000),
    );
  }
  const addressWait = lockedFor(addressState, t);
  if (addressWait > 0) {
    throw new TooManyRequestsError(
      `Too many failed sign-ins from this network address. Try again in ${minutes(addressWait)} minutes.`,
      Math.ceil(addressWait / 1000),
    );
  }

  const ok = await verifyPassword(password, account?.password_hash ?? (await DUMMY_HASH_PROMISE));
  if (!account || !ok || account.active !== 1) {
    const nextAccount = await countFailure(db, accountKey, ACCOUNT_RULE, rows, t);
    await countFailure(db, addressKey, ADDRESS_RULE, rows, t);
    const left = ACCOUNT_RULE.limit - nextAccount.failures;
    throw new UnauthenticatedError(
      left > 0
        ? 'That username and password do not match. Check both and try again.'
        : `That username and password do not match. This account is now locked for ${minutes(ACCOUNT_RULE.lockoutMs)} minutes.`,
    );
  }
  await repo.clearThrottle(accountKey);
  return account;
}

export async function describeSession(
  db: Kysely<Database>,
  districtId: string,
  accountId: string,
): Promise<SessionUser> {
  const row = await authRepository(db).sessionUser(districtId, accountId);
  const displayName = row.given_name
    ? `${row.preferred_name ?? row.given_name} ${row.family_name ?? ''}`.trim()
    : row.username;
  return {
    accountId: row.id,
    displayName,
    role: row.role as Role,
    locale: row.locale === 'es' ? 'es' : 'en',
    districtName: row.districtName,
    schoolId: row.school_id,
  };
}

export async function setLocale(db: Kysely<Database>, actor: Actor, locale: 'en' | 'es') {
  await authRepository(db).setLocale(actor.districtId, actor.accountId, locale);
}
