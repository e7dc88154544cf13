import { and, like, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { searchRateLimits } from '@/db/schema';

// A fixed-window request counter in Postgres, so a limit holds across
// restarts and instances. One table serves every limiter; the key's prefix
// names whose count it is (`ip:` public search per client IP, `api:` content
// API per key), and each limiter sweeps only its own rows.

export type QuotaConfig = { limit: number; windowMs: number };
export type Quota = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** Counts one request under `key`, in one atomic statement, and says whether it may run. */
export async function consumeQuota(db: Executor, key: string, config: QuotaConfig, at: Date): Promise<Quota> {
  const expired = sql`${searchRateLimits.windowStartedAt} <= ${new Date(at.getTime() - config.windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(searchRateLimits)
    .values({ key, hits: 1, windowStartedAt: at })
    .onConflictDoUpdate({
      target: searchRateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${searchRateLimits.hits} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${at.toISOString()}::timestamptz else ${searchRateLimits.windowStartedAt} end`,
      },
    })
    .returning({ hits: searchRateLimits.hits, windowStartedAt: searchRateLimits.windowStartedAt });
  if (!row || row.hits <= config.limit) return { allowed: true, remaining: config.limit - (row?.hits ?? 0) };
  const resetsAt = row.windowStartedAt.getTime() + config.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - at.getTime()) / 1000)) };
}

/** Drops the counters under `prefix` whose window has passed; they would restart at 1 anyway. */
export async function sweepQuotas(db: Executor, prefix: string, config: QuotaConfig, at: Date): Promise<void> {
  await db.delete(searchRateLimits).where(and(like(searchRateLimits.key, `${prefix}%`), lt(searchRateLimits.windowStartedAt, new Date(at.getTime() - config.windowMs))));
}
