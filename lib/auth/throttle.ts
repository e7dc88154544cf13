// Sign-in throttling arithmetic. Pure: the DAL stores the state in Postgres
// and passes the clock in.

export type ThrottleConfig = {
  /** Failures allowed for one account from one client IP within the window. */
  pairLimit: number;
  /** Failures allowed from one client IP, across accounts, within the window. */
  ipLimit: number;
  windowMs: number;
  lockoutMs: number;
};

export const DEFAULT_THROTTLE: ThrottleConfig = { pairLimit: 5, ipLimit: 50, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 };

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure: a new window when the old one has passed; a lockout on reaching the limit. */
export function recordFailure(state: ThrottleState | undefined, now: Date, limit: number, config: ThrottleConfig): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < config.windowMs && !lockExpired(state, now);
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockedUntil = failures >= limit ? new Date(now.getTime() + config.lockoutMs) : null;
  return { failures, windowStartedAt, lockedUntil };
}

/** A lockout that has run out starts the count afresh. */
function lockExpired(state: ThrottleState, now: Date): boolean {
  return !!state.lockedUntil && state.lockedUntil.getTime() <= now.getTime();
}

export const pairKey = (email: string, ip: string) => `pair:${email.trim().toLowerCase()}|${ip}`;
export const ipKey = (ip: string) => `ip:${ip}`;
