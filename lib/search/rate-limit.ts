import type { Executor } from '@/db';
import { getEnv } from '@/lib/env';
import { consumeQuota, sweepQuotas, type QuotaConfig } from '@/lib/http/quota';

// Public search is limited per client IP: a fixed window, counted in Postgres
// (lib/http/quota.ts) so the limit holds across restarts and instances.
// proxy.ts asks before a search page renders and answers 429.

export type SearchRateConfig = QuotaConfig;
export type SearchQuota = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const PREFIX = 'ip:';

export function searchRateConfigFromEnv(): SearchRateConfig {
  const env = getEnv();
  return { limit: env.SEARCH_RATE_LIMIT, windowMs: env.SEARCH_RATE_WINDOW_SECONDS * 1000 };
}

/** Counts one search for this client IP and says whether it may run. */
export async function consumeSearchQuota(db: Executor, ip: string, config: SearchRateConfig, at: Date): Promise<SearchQuota> {
  const quota = await consumeQuota(db, `${PREFIX}${ip}`, config, at);
  return quota.allowed ? { allowed: true } : quota;
}

export async function sweepSearchQuotas(db: Executor, config: SearchRateConfig, at: Date): Promise<void> {
  await sweepQuotas(db, PREFIX, config, at);
}
