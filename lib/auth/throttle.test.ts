import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE as config, ipKey, isLocked, pairKey, recordFailure, type ThrottleState } from './throttle';

const t0 = new Date('2026-11-29T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function failTimes(minutes: number[], limit = config.pairLimit): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (const m of minutes) state = recordFailure(state, at(m), limit, config);
  return state;
}

describe('sign-in throttle', () => {
  it('allows four failures and locks on the fifth within 15 minutes', () => {
    const four = failTimes([0, 1, 2, 3]);
    expect(four?.failures).toBe(4);
    expect(isLocked(four, at(3))).toBe(false);
    const five = failTimes([0, 1, 2, 3, 14]);
    expect(isLocked(five, at(14))).toBe(true);
    expect(five?.lockedUntil).toEqual(at(29));
  });

  it('keeps the lock for 15 minutes after the fifth failure, then lifts it', () => {
    const state = failTimes([0, 1, 2, 3, 4]);
    expect(isLocked(state, at(18.99))).toBe(true);
    expect(isLocked(state, at(19))).toBe(false);
  });

  it('starts a new window when the old one has passed', () => {
    const state = failTimes([0, 1, 2, 3, 15]);
    expect(state?.failures).toBe(1);
    expect(state?.windowStartedAt).toEqual(at(15));
    expect(isLocked(state, at(15))).toBe(false);
  });

  it('starts counting afresh once a lockout has run out', () => {
    const state = failTimes([0, 1, 2, 3, 4, 20]);
    expect(state?.failures).toBe(1);
    expect(isLocked(state, at(20))).toBe(false);
  });

  it('locks an IP on its fiftieth failure across accounts', () => {
    const minutes = Array.from({ length: 49 }, (_, i) => i * 0.25);
    expect(isLocked(failTimes(minutes, config.ipLimit), at(12.25))).toBe(false);
    expect(isLocked(failTimes([...minutes, 12.5], config.ipLimit), at(12.5))).toBe(true);
  });

  it('keys a pair by normalised e-mail and IP, and an IP alone', () => {
    expect(pairKey(' Editor@Sahifa.TEST ', '203.0.113.5')).toBe('pair:editor@sahifa.test|203.0.113.5');
    expect(ipKey('203.0.113.5')).toBe('ip:203.0.113.5');
    expect(isLocked(undefined, t0)).toBe(false);
  });
});
