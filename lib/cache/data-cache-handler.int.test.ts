import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startTcpProxy } from '@/test/tcp-proxy';
import DataCacheHandler from './data-cache-handler.mjs';

// Two handlers on one Redis stand for two app instances: what one writes the
// other reads, and a tag one expires is a miss on the other at once. A Redis
// that does not answer makes misses, never errors.

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const prefix = `test-${process.pid}-${Date.now()}:`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const entry = (body: string) => ({ kind: 'FETCH', data: { headers: {}, body, status: 200, url: '' }, revalidate: 3600 });
const fetchCtx = (tags: string[]) => ({ kind: 'FETCH', tags, softTags: [] });
/** What unstable_cache does on a miss: asks, reads (here: nothing to read), stores. */
async function cacheRead(handler: DataCacheHandler, key: string, body: string, tags: string[]) {
  expect(await handler.get(key, fetchCtx(tags))).toBeNull();
  await handler.set(key, entry(body), { tags });
}

describe('the shared data cache', () => {
  const a = new DataCacheHandler({ redis, prefix });
  const b = new DataCacheHandler({ redis, prefix });

  it('serves on one instance what the other cached', async () => {
    await cacheRead(a, 'story-1', '{"headline":"أول"}', ['story:1', 'latest']);
    const got = await b.get('story-1', fetchCtx(['story:1', 'latest']));
    expect(got?.value).toEqual(entry('{"headline":"أول"}'));
  });

  it('misses everywhere once a tag is expired on one instance', async () => {
    await cacheRead(a, 'home', '[1,2]', ['latest']);
    await cacheRead(a, 'section', '[3]', ['section:tech']);
    await b.revalidateTag(['latest']);
    // Reads in the millisecond of an expiry count as before it: a few ms later, they are after it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await a.get('home', fetchCtx(['latest']))).toBeNull();
    expect(await b.get('home', fetchCtx(['latest']))).toBeNull();
    // Untouched tags stay cached.
    expect((await a.get('section', fetchCtx(['section:tech'])))?.value).toEqual(entry('[3]'));
    // A fresh write after the expiry is a hit again.
    await cacheRead(a, 'home', '[9]', ['latest']);
    expect((await b.get('home', fetchCtx(['latest'])))?.value).toEqual(entry('[9]'));
  });

  it('marks a tag expired once Redis is back when it could not be marked at the time', async () => {
    // One instance reaches Redis through a link the test cuts: a publish happens on it meanwhile.
    const target = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const link = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const cut = new Redis(`redis://127.0.0.1:${link.port}${target.pathname}`, { maxRetriesPerRequest: 1, commandTimeout: 500, enableOfflineQueue: false });
    cut.on('error', () => {});
    const publisher = new DataCacheHandler({ redis: cut, prefix });
    await cacheRead(a, 'article', '{"headline":"قبل"}', ['story:9']);
    link.takeDown();
    await publisher.revalidateTag(['story:9']);
    // The other instance still reads the old entry while nothing could be marked...
    expect(await b.get('article', fetchCtx(['story:9']))).not.toBeNull();
    link.bringUp();
    // ...and never once the link is back.
    await expect.poll(() => b.get('article', fetchCtx(['story:9'])), { timeout: 10_000, interval: 100 }).toBeNull();
    cut.disconnect();
    await link.close();
  });

  it('expires what was read before an expiry and stored after it (a publish during a slow read)', async () => {
    expect(await a.get('slow', fetchCtx(['story:5']))).toBeNull();
    // The read is under way on A (old data) when B publishes and expires the story's tag...
    await b.revalidateTag(['story:5']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // ...and A stores what it read after that: the entry must not pass for fresh, on either instance.
    await a.set('slow', entry('{"headline":"قبل التصحيح"}'), { tags: ['story:5'] });
    expect(await b.get('slow', fetchCtx(['story:5']))).toBeNull();
    expect(await a.get('slow', fetchCtx(['story:5']))).toBeNull();
    // The next read, after the expiry, is kept.
    await cacheRead(a, 'slow', '{"headline":"بعد التصحيح"}', ['story:5']);
    expect((await b.get('slow', fetchCtx(['story:5'])))?.value).toEqual(entry('{"headline":"بعد التصحيح"}'));
  });

  it('never moves a tag back in time (two instances expiring it, landing out of order)', async () => {
    const later = Date.now() + 60_000;
    await redis.hset(`${prefix}sahifa:tags`, 'story:6', String(later));
    await a.revalidateTag(['story:6']);
    expect(Number(await redis.hget(`${prefix}sahifa:tags`, 'story:6'))).toBe(later);
    await a.revalidateTag(['story:7']);
    expect(Number(await redis.hget(`${prefix}sahifa:tags`, 'story:7'))).toBeGreaterThan(Date.now() - 5_000);
  });

  it('keeps no store that no miss was waiting for (nothing says when its data was read)', async () => {
    await a.set('unasked', entry('1'), { tags: ['t'] });
    expect(await redis.exists(`${prefix}sahifa:cache:unasked`)).toBe(0);
  });

  it('turns an unreachable Redis into misses', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    const handler = new DataCacheHandler({ redis: dead, prefix });
    await handler.set('x', entry('1'), { tags: ['t'] });
    expect(await handler.get('x', fetchCtx(['t']))).toBeNull();
    await handler.revalidateTag('t');
    dead.disconnect();
  });
});
