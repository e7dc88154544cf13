import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntry } from './entry';
import { PageCache } from './page-cache';

// Two instances sharing a real Redis (REDIS_URL, or the local one).
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const namespace = `test-${randomUUID()}`;
const heard: string[][] = [];
const instance = (onRemoteExpire: (tags: string[]) => void) =>
  new PageCache({ maxBytes: 10_000_000, ttlSeconds: 60, redisUrl: url, namespace, cdn: { sMaxAge: 60, staleWhileRevalidate: 30 }, onRemoteExpire, report: () => {} });
const a = instance(() => {});
const b = instance((tags) => {
  heard.push(tags);
  b.expireHere(tags);
});
const page = (text: string, tags: string[]) => makeEntry({ status: 200, headers: [['content-type', 'text/html']], body: Buffer.from(text), gzip: null, tags, at: Date.now() });

async function live() {
  await expect.poll(() => (a as unknown as { shared: { live: boolean } }).shared.live && (b as unknown as { shared: { live: boolean } }).shared.live).toBe(true);
}

afterAll(async () => {
  await a.close();
  await b.close();
});

describe('the shared page cache', () => {
  it('serves a page one instance rendered from every other', async () => {
    await live();
    const { entry, ticket } = await a.lookup('/technology');
    expect(entry).toBeNull();
    a.store('/technology', page('قسم', ['section:technology']), ticket);
    await expect.poll(async () => (await b.lookup('/technology')).entry?.body.toString()).toBe('قسم');
  });

  it('expires every instance within a second of a change on one', async () => {
    await live();
    const { ticket } = await a.lookup('/technology/a');
    a.store('/technology/a', page('خبر', ['slug:a', 'section:technology']), ticket);
    await expect.poll(async () => (await b.lookup('/technology/a')).entry !== null).toBe(true);
    // b now holds its own copy in memory too.
    expect(b.local.get('/technology/a')).toBeDefined();
    const started = Date.now();
    await a.expireEverywhere(['slug:a']);
    await expect.poll(() => b.local.get('/technology/a'), { timeout: 1_000, interval: 10 }).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(heard.at(-1)).toEqual(['slug:a']);
    expect((await b.lookup('/technology/a')).entry).toBeNull();
  });

  it('does not store a render that began before an expiry on another instance', async () => {
    await live();
    const { ticket } = await b.lookup('/technology/b');
    await a.expireEverywhere(['slug:b']);
    b.store('/technology/b', page('قديم', ['slug:b']), ticket);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await a.lookup('/technology/b')).entry).toBeNull();
  });
});
