import { describe, expect, it } from 'vitest';
import { makeEntry } from './entry';
import { LocalStore } from './local-store';

const page = (bytes: number, tags: string[]) => makeEntry({ status: 200, headers: [['content-type', 'text/html']], body: Buffer.alloc(bytes, 'a'), gzip: null, tags, at: 0 });

describe('LocalStore', () => {
  it('expires exactly the pages stored under a tag', () => {
    const store = new LocalStore({ maxBytes: 1_000_000, ttlMs: 60_000 });
    store.set('/', page(100, ['front', 'latest']), store.seq);
    store.set('/technology', page(100, ['section:technology', 'settings']), store.seq);
    store.set('/technology/a', page(100, ['slug:a', 'section:technology']), store.seq);
    store.expire(['latest']);
    expect(store.get('/')).toBeUndefined();
    expect(store.get('/technology')).toBeDefined();
    store.expire(['section:technology']);
    expect(store.get('/technology')).toBeUndefined();
    expect(store.get('/technology/a')).toBeUndefined();
  });

  it('never stores a render that began before an expiry', () => {
    const store = new LocalStore({ maxBytes: 1_000_000, ttlMs: 60_000 });
    const seqAtStart = store.seq;
    store.expire(['slug:a']);
    expect(store.set('/technology/a', page(100, ['slug:a']), seqAtStart)).toBe(false);
    expect(store.get('/technology/a')).toBeUndefined();
  });

  it('stays under its byte bound by evicting the least recently used pages', () => {
    // Incompressible bytes, so the gzipped copy is as large as the page.
    const store = new LocalStore({ maxBytes: 100_000, ttlMs: 60_000 });
    for (let i = 0; i < 50; i++) store.set(`/p${i}`, makeEntry({ status: 200, headers: [], body: Buffer.from(crypto.getRandomValues(new Uint8Array(4_000))), gzip: null, tags: ['latest'], at: 0 }), store.seq);
    expect(store.stats.bytes).toBeLessThanOrEqual(100_000);
    expect(store.stats.entries).toBeLessThan(50);
    expect(store.get('/p49')).toBeDefined();
    expect(store.get('/p0')).toBeUndefined();
    // An evicted page leaves nothing behind in the tag index: expiring still works for the rest.
    store.expire(['latest']);
    expect(store.stats.entries).toBe(0);
  });
});
