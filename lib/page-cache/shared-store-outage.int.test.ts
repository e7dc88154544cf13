import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { within } from '@/test/poll';
import { startTcpProxy } from '@/test/tcp-proxy';
import { makeEntry } from './entry';
import { PageCache } from './page-cache';

// Redis hanging under two instances: it keeps their connections open and
// answers nothing (stopped with SIGSTOP, blocked, a link dropping packets), so
// no connection closes to say so. Each instance reaches it through a TCP
// proxy the test freezes. Nobody may wait on it, no copy kept through it may
// be served, and a change made meanwhile must reach every instance once it answers.

const target = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const namespace = `test-${randomUUID()}`;
const links = await Promise.all([0, 1].map(() => startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) })));
const instance = (port: number, onRemoteExpire: (tags: string[]) => void = () => {}) =>
  new PageCache({ maxBytes: 10_000_000, ttlSeconds: 3600, redisUrl: `redis://127.0.0.1:${port}${target.pathname}`, namespace, cdn: { sMaxAge: 60, staleWhileRevalidate: 30 }, onRemoteExpire, report: () => {} });
const a = instance(links[0]!.port);
const b: PageCache = instance(links[1]!.port, (tags) => b.expireHere(tags));
const page = (text: string, tags: string[]) => makeEntry({ status: 200, headers: [['content-type', 'text/html']], body: Buffer.from(text), gzip: null, tags, at: Date.now() });
const live = (cache: PageCache) => (cache as unknown as { shared: { live: boolean } }).shared.live;

afterAll(async () => {
  links.forEach((link) => link.thaw());
  await Promise.all([a.close(), b.close()]);
  await Promise.all(links.map((link) => link.close()));
});

describe('the shared page cache when Redis hangs', () => {
  it('keeps answering, serves nothing kept through the hang, and expires everywhere once Redis answers', async () => {
    await expect.poll(() => live(a) && live(b)).toBe(true);
    const { ticket } = await a.lookup('/news/story');
    a.store('/news/story', page('قبل', ['slug:story']), ticket);
    await expect.poll(async () => (await b.lookup('/news/story')).entry?.body.toString()).toBe('قبل');
    expect(b.peek('/news/story')?.body.toString()).toBe('قبل');

    links.forEach((link) => link.freeze());
    // A reader's page that is not in memory is rendered rather than wait on Redis, and a publish does not wait either.
    await within(b.lookup('/news/other'), 1_500, 'a lookup while Redis hangs');
    await within(a.expireEverywhere(['slug:story']), 1_500, 'an expiry while Redis hangs');
    // b cannot hear that expiry: within a few seconds it stops serving what it kept.
    await expect.poll(() => b.peek('/news/story'), { timeout: 5_000, interval: 100 }).toBeUndefined();

    links.forEach((link) => link.thaw());
    await expect.poll(() => live(b), { timeout: 5_000 }).toBe(true);
    // Back: the old page is neither in b's memory nor in Redis.
    expect(b.peek('/news/story')).toBeUndefined();
    await expect.poll(async () => (await b.lookup('/news/story')).entry, { timeout: 5_000, interval: 100 }).toBeNull();
  }, 30_000);

  it('sends an expiry again once Redis is back, when the instance making the change could not reach it', async () => {
    await expect.poll(() => live(a) && live(b)).toBe(true);
    const { ticket } = await a.lookup('/news/two');
    a.store('/news/two', page('قبل', ['slug:two']), ticket);
    await expect.poll(async () => (await b.lookup('/news/two')).entry?.body.toString()).toBe('قبل');
    // Only a's link goes: b stays subscribed and cannot know it missed anything.
    links[0]!.takeDown();
    // Long enough for a's client to know (a command sent just as the link goes is resent by ioredis on reconnection).
    await new Promise((resolve) => setTimeout(resolve, 500));
    await within(a.expireEverywhere(['slug:two']), 1_500, 'an expiry while Redis hangs');
    expect(b.peek('/news/two')?.body.toString()).toBe('قبل');
    links[0]!.bringUp();
    await expect.poll(() => b.peek('/news/two'), { timeout: 10_000, interval: 100 }).toBeUndefined();
    expect((await b.lookup('/news/two')).entry).toBeNull();
  }, 30_000);
});
