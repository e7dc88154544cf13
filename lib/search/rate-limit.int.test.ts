import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { searchRateLimits } from '@/db/schema';
import { connectTestDb } from '@/test/db';
import { consumeSearchQuota, sweepSearchQuotas } from './rate-limit';

const { db, client } = connectTestDb();
afterAll(() => client.end());

const config = { limit: 3, windowMs: 60_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 5, 1, 12, 0, seconds));

describe('search rate limit', () => {
  it('allows the limit per window, then refuses with the seconds left, then starts afresh', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}-${randomUUID()}`;
    for (let i = 0; i < 3; i++) expect(await consumeSearchQuota(db, ip, config, at(i))).toEqual({ allowed: true });
    expect(await consumeSearchQuota(db, ip, config, at(20))).toEqual({ allowed: false, retryAfterSeconds: 40 });
    // Another client is counted on its own.
    expect(await consumeSearchQuota(db, `${ip}-other`, config, at(20))).toEqual({ allowed: true });
    expect(await consumeSearchQuota(db, ip, config, at(60))).toEqual({ allowed: true });
  });

  it('counts concurrent searches exactly', async () => {
    const ip = `203.0.113.9-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeSearchQuota(db, ip, config, at(0))));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it('sweeps counters whose window has passed', async () => {
    const ip = `192.0.2.1-${randomUUID()}`;
    await consumeSearchQuota(db, ip, config, at(0));
    await sweepSearchQuotas(db, config, at(30));
    expect(await db.select().from(searchRateLimits).where(eq(searchRateLimits.key, `ip:${ip}`))).toHaveLength(1);
    await sweepSearchQuotas(db, config, new Date(at(0).getTime() + 61_000));
    expect(await db.select().from(searchRateLimits).where(eq(searchRateLimits.key, `ip:${ip}`))).toHaveLength(0);
  });
});
