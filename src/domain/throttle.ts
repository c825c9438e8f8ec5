// Failed sign-in throttling as a pure rule: a counter per key (an account name or an address)
// within a window; past the limit the key is locked for the lockout period.

export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

export interface ThrottleRule {
  limit: number;
  windowMs: number;
  lockoutMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = {
  limit: 5,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};
export const ADDRESS_RULE: ThrottleRule = {
  limit: 30,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};

/** Milliseconds until the key may try again, or 0 when it is not locked. */
export function lockedFor(state: ThrottleState | undefined, now: number): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil - now);
}

/** The state after one more failure. */
export function recordFailure(
  state: ThrottleState | undefined,
  rule: ThrottleRule,
  now: number,
): ThrottleState {
  const fresh =
    !state ||
    now - state.windowStartedAt > rule.windowMs ||
    (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  return {
    failures,
    windowStartedAt,
    lockedUntil: failures >= rule.limit ? now + rule.lockoutMs : null,
  };
}
