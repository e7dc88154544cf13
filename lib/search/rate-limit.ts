import { lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { searchRateLimits } from '@/db/schema';
import { getEnv } from '@/lib/env';

// Public search is limited per client IP: a fixed window, counted in Postgres
// (like the sign-in throttle) so the limit holds across restarts and
// instances. proxy.ts asks before a search page renders and answers 429.

export type SearchRateConfig = { limit: number; windowMs: number };
export type SearchQuota = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function searchRateConfigFromEnv(): SearchRateConfig {
  const env = getEnv();
  return { limit: env.SEARCH_RATE_LIMIT, windowMs: env.SEARCH_RATE_WINDOW_SECONDS * 1000 };
}

/** Counts one search for this client IP, in one atomic statement, and says whether it may run. */
export async function consumeSearchQuota(db: Executor, ip: string, config: SearchRateConfig, at: Date): Promise<SearchQuota> {
  const expired = sql`${searchRateLimits.windowStartedAt} <= ${new Date(at.getTime() - config.windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(searchRateLimits)
    .values({ key: `ip:${ip}`, hits: 1, windowStartedAt: at })
    .onConflictDoUpdate({
      target: searchRateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${searchRateLimits.hits} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${at.toISOString()}::timestamptz else ${searchRateLimits.windowStartedAt} end`,
      },
    })
    .returning({ hits: searchRateLimits.hits, windowStartedAt: searchRateLimits.windowStartedAt });
  if (!row || row.hits <= config.limit) return { allowed: true };
  const resetsAt = row.windowStartedAt.getTime() + config.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - at.getTime()) / 1000)) };
}

/** Drops counters whose window has passed; they would restart at 1 anyway. */
export async function sweepSearchQuotas(db: Executor, config: SearchRateConfig, at: Date): Promise<void> {
  await db.delete(searchRateLimits).where(lt(searchRateLimits.windowStartedAt, new Date(at.getTime() - config.windowMs)));
}
