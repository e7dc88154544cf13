import { beforeAll, describe, expect, it, vi } from 'vitest';
import DataCacheHandler from './data-cache-handler.mjs';

// Without Redis (one instance) the data cache lives in this process: the same
// dating of entries by the miss that read them, the same tag expiry, and a
// bound on what it keeps.

const entry = (body: string) => ({ kind: 'FETCH', data: { headers: {}, body, status: 200, url: '' }, revalidate: 3600 });
const fetchCtx = (tags: string[]) => ({ kind: 'FETCH', tags, softTags: [] });
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

// Next makes a handler per request and hands each its cacheMaxMemorySize; the entries live in the process.
const MAX_BYTES = 4_000;
const handler = () => new DataCacheHandler({ maxMemoryCacheSize: MAX_BYTES });
async function cacheRead(key: string, body: string, tags: string[]) {
  const request = handler();
  expect(await request.get(key, fetchCtx(tags))).toBeNull();
  await request.set(key, entry(body), { tags });
}

beforeAll(() => void vi.stubEnv('REDIS_URL', ''));

describe('the data cache without Redis', () => {
  it('serves to a later request what an earlier one read, until a tag of it is expired', async () => {
    await cacheRead('home', '[1]', ['latest', 'front']);
    expect((await handler().get('home', fetchCtx(['latest', 'front'])))?.value).toEqual(entry('[1]'));
    await handler().revalidateTag('front');
    await pause();
    await cacheRead('home', '[2]', ['latest', 'front']);
    expect((await handler().get('home', fetchCtx(['latest', 'front'])))?.value).toEqual(entry('[2]'));
  });

  it('expires what was read before an expiry and stored after it (a publish during a slow read)', async () => {
    const request = handler();
    expect(await request.get('article', fetchCtx(['story:1']))).toBeNull();
    await handler().revalidateTag(['story:1']);
    await pause();
    await request.set('article', entry('{"headline":"قبل"}'), { tags: ['story:1'] });
    expect(await handler().get('article', fetchCtx(['story:1']))).toBeNull();
  });

  it('caches a key again after a read of it failed and a publish followed (nothing of the failed read lingers)', async () => {
    // A request misses and its read fails: no store follows.
    expect(await handler().get('hot', fetchCtx(['latest']))).toBeNull();
    await handler().revalidateTag('latest');
    await pause();
    await cacheRead('hot', '[1]', ['latest']);
    expect((await handler().get('hot', fetchCtx(['latest'])))?.value).toEqual(entry('[1]'));
  });

  it('keeps no store its request did not ask for first (nothing says when its data was read)', async () => {
    await handler().set('unasked', entry('1'), { tags: ['t'] });
    expect(await handler().get('unasked', fetchCtx(['t']))).toBeNull();
  });

  it('keeps at most its bound, the least recently read out first', async () => {
    const body = 'ب'.repeat(600); // about 1,300 bytes an entry as counted: four do not fit in 4,000
    await cacheRead('one', body, ['x']);
    await cacheRead('two', body, ['x']);
    // Reading 'one' makes 'two' the least recently read.
    expect(await handler().get('one', fetchCtx(['x']))).not.toBeNull();
    await cacheRead('three', body, ['x']);
    expect(await handler().get('two', fetchCtx(['x']))).toBeNull();
    expect(await handler().get('one', fetchCtx(['x']))).not.toBeNull();
    expect(await handler().get('three', fetchCtx(['x']))).not.toBeNull();
    // Larger than the bound on its own: not kept.
    await cacheRead('huge', 'ب'.repeat(3_000), ['x']);
    expect(await handler().get('huge', fetchCtx(['x']))).toBeNull();
  });
});

describe('the tags it remembers without Redis', () => {
  it('forgets the older half of its tag times past its bound, and never serves what a forgotten one expired', async () => {
    await cacheRead('old', '1', ['story:old']);
    await pause();
    await handler().revalidateTag('story:old');
    // Far more expiries than it remembers (a long-running process): the first, story:old's, is among those forgotten.
    const started = performance.now();
    for (let i = 0; i < 20_500; i += 500) await handler().revalidateTag(Array.from({ length: 500 }, (_, j) => `story:${i + j}`));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await handler().get('old', fetchCtx(['story:old']))).toBeNull();
    await pause();
    await cacheRead('new', '2', ['story:new']);
    expect((await handler().get('new', fetchCtx(['story:new'])))?.value).toEqual(entry('2'));
  });
});
