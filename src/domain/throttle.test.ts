import { describe, expect, it } from 'vitest';
import { lockedFor, recordFailure, type ThrottleRule } from './throttle.js';

const rule: ThrottleRule = { limit: 3, windowMs: 1000, lockoutMs: 5000 };

describe('sign-in throttle', () => {
  it('locks at the limit within the window, for the lockout period', () => {
    let s = recordFailure(undefined, rule, 0);
    s = recordFailure(s, rule, 100);
    expect(lockedFor(s, 100)).toBe(0);
    s = recordFailure(s, rule, 200);
    expect(lockedFor(s, 200)).toBe(5000);
    expect(lockedFor(s, 5200)).toBe(0);
  });

  it('starts a new window after the old one passes', () => {
    let s = recordFailure(undefined, rule, 0);
    s = recordFailure(s, rule, 100);
    s = recordFailure(s, rule, 2000);
    expect(s.failures).toBe(1);
    expect(lockedFor(s, 2000)).toBe(0);
  });
});
