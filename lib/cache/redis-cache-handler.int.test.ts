import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startTcpProxy } from '@/test/tcp-proxy';
import RedisCacheHandler from './redis-cache-handler.mjs';

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

describe('the shared data cache', () => {
  const a = new RedisCacheHandler({ redis, prefix });
  const b = new RedisCacheHandler({ redis, prefix });

  it('serves on one instance what the other cached', async () => {
    await a.set('story-1', entry('{"headline":"أول"}'), { tags: ['story:1', 'latest'] });
    const got = await b.get('story-1', fetchCtx(['story:1', 'latest']));
    expect(got?.value).toEqual(entry('{"headline":"أول"}'));
  });

  it('misses everywhere once a tag is expired on one instance', async () => {
    await a.set('home', entry('[1,2]'), { tags: ['latest'] });
    await a.set('section', entry('[3]'), { tags: ['section:tech'] });
    await b.revalidateTag(['latest']);
    expect(await a.get('home', fetchCtx(['latest']))).toBeNull();
    expect(await b.get('home', fetchCtx(['latest']))).toBeNull();
    // Untouched tags stay cached.
    expect((await a.get('section', fetchCtx(['section:tech'])))?.value).toEqual(entry('[3]'));
    // A fresh write after the expiry is a hit again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.set('home', entry('[9]'), { tags: ['latest'] });
    expect((await b.get('home', fetchCtx(['latest'])))?.value).toEqual(entry('[9]'));
  });

  it('marks a tag expired once Redis is back when it could not be marked at the time', async () => {
    // One instance reaches Redis through a link the test cuts: a publish happens on it meanwhile.
    const target = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const link = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const cut = new Redis(`redis://127.0.0.1:${link.port}${target.pathname}`, { maxRetriesPerRequest: 1, commandTimeout: 500, enableOfflineQueue: false });
    cut.on('error', () => {});
    const publisher = new RedisCacheHandler({ redis: cut, prefix });
    await a.set('article', entry('{"headline":"قبل"}'), { tags: ['story:9'] });
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

  it('turns an unreachable Redis into misses', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    const handler = new RedisCacheHandler({ redis: dead, prefix });
    await handler.set('x', entry('1'), { tags: ['t'] });
    expect(await handler.get('x', fetchCtx(['t']))).toBeNull();
    await handler.revalidateTag('t');
    dead.disconnect();
  });
});
