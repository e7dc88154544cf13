import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PageCache } from './page-cache';
import { recordTags } from './render-notes';
import { createPageServer } from './serve';

// The page server over real HTTP, in front of a stand-in for Next that counts
// its renders and records tags the way the reader's reads do.

let renders = 0;
let status = 200;
const cache = new PageCache({ maxBytes: 10_000_000, ttlSeconds: 60, namespace: 'test', cdn: { sMaxAge: 60, staleWhileRevalidate: 30 }, onRemoteExpire: () => {}, report: () => {} });

async function fakeNext(req: IncomingMessage, res: ServerResponse) {
  renders++;
  await new Promise((resolve) => setTimeout(resolve, 20));
  recordTags(['settings', req.url?.startsWith('/technology') ? 'section:technology' : 'front']);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  if (req.url?.includes('cookie')) res.setHeader('set-cookie', 'a=1');
  const styled = req.url?.includes('styled');
  if (styled) res.setHeader('link', '</_next/static/media/f.woff2>; rel=preload; as="font"; crossorigin="", </_next/static/chunks/s.css>; rel=preload; as="style"');
  res.statusCode = req.url?.includes('boom') ? 500 : status;
  res.write(`<!doctype html><html lang="ar"><head>${styled ? '<link rel="stylesheet" href="/_next/static/chunks/s.css" data-precedence="next"/>' : ''}<script src="/_next/static/chunks/a.js" async=""></script></head><body><p>${'خبر '.repeat(400)}</p>`);
  res.end('<script>self.__next_f.push([1,"x"])</script><script type="application/ld+json">{}</script></body></html>');
}

const { answerFromMemory, servePage: serve } = createPageServer({ cache, cdn: { sMaxAge: 60, staleWhileRevalidate: 30 }, render: (req, res) => void fakeNext(req, res), securityHeaders: () => ({ 'content-security-policy': "script-src 'none'" }), errorPage: '<p>خطأ</p>', now: Date.now, stylesheet: (href) => (href === '/_next/static/chunks/s.css' ? 'p{color:red}' : null) });
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (answerFromMemory(req, res)) return;
    void serve(req, res).then((served) => {
      if (!served) res.end('passed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache.local.clear();
  renders = 0;
  status = 200;
});

describe('the reader page server', () => {
  it("puts the build's stylesheet in the page and drops its preload, keeping the font's", async () => {
    const response = await fetch(`${base}/styled`);
    const html = await response.text();
    expect(html).toContain('<head><style data-precedence="next" data-href="/_next/static/chunks/s.css">p{color:red}</style></head>');
    expect(html).not.toContain('rel="stylesheet"');
    expect(response.headers.get('link')).toBe('</_next/static/media/f.woff2>; rel=preload; as="font"; crossorigin=""');
  });

  it('renders a page once and answers every later request from the cache, ignoring tracking parameters', async () => {
    const first = await fetch(`${base}/technology`);
    expect(first.headers.get('x-sahifa-cache')).toBe('MISS');
    const second = await fetch(`${base}/technology?utm_source=x`);
    expect(second.headers.get('x-sahifa-cache')).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
    expect(renders).toBe(1);
  });

  it('renders once for a crowd of concurrent first requests', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/`)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(renders).toBe(1);
  });

  it("answers HEAD with the page's own headers, from a render it stores", async () => {
    const head = await fetch(`${base}/technology`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect((await fetch(`${base}/technology`)).headers.get('x-sahifa-cache')).toBe('HIT');
    expect(renders).toBe(1);
  });

  it("keeps the page's UTF-8 bytes exactly, plain and gzipped, on a miss and on a hit", async () => {
    const miss = await fetch(`${base}/technology`, { headers: { 'accept-encoding': 'identity' } });
    const hit = await fetch(`${base}/technology`);
    expect(hit.headers.get('x-sahifa-cache')).toBe('HIT');
    expect(hit.headers.get('content-encoding')).toBe('gzip');
    for (const text of [await miss.text(), await hit.text()]) {
      expect(text).toContain(`<p>${'خبر '.repeat(400)}</p>`);
      expect(text).not.toContain('\ufffd');
    }
  });

  it("answers a hit with the miss's own headers, whichever encoding", async () => {
    const names = (answer: Response) => [...answer.headers.keys()].filter((name) => name !== 'date' && name !== 'x-sahifa-cache');
    for (const encoding of ['identity', 'gzip']) {
      cache.local.clear();
      const miss = await fetch(`${base}/technology`, { headers: { 'accept-encoding': encoding } });
      const hit = await fetch(`${base}/technology`, { headers: { 'accept-encoding': encoding } });
      expect([miss.headers.get('x-sahifa-cache'), hit.headers.get('x-sahifa-cache')]).toEqual(['MISS', 'HIT']);
      expect(names(hit)).toEqual(names(miss));
      for (const name of names(miss)) expect(hit.headers.get(name)).toBe(miss.headers.get(name));
    }
  });

  it("gzips one visitor's page only when asked", async () => {
    const headers = { cookie: 'authjs.session-token=x' };
    expect((await fetch(`${base}/`, { headers: { ...headers, 'accept-encoding': 'identity' } })).headers.get('content-encoding')).toBeNull();
    expect((await fetch(`${base}/`, { headers: { ...headers, 'accept-encoding': 'gzip' } })).headers.get('content-encoding')).toBe('gzip');
  });

  it('takes out every script but the JSON-LD', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/ld+json">']);
  });

  it('sends CDN headers, a strong ETag, and 304 for a matching If-None-Match, gzipped or not', async () => {
    const page = await fetch(`${base}/`, { headers: { 'accept-encoding': 'identity' } });
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30');
    expect(page.headers.get('cache-tag')).toBe('front,settings');
    expect(page.headers.get('surrogate-key')).toBe('front settings');
    expect(page.headers.get('content-security-policy')).toBe("script-src 'none'");
    const etag = page.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${base}/`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // fetch asks for gzip: a different representation, so a different strong ETag, and still a 304 for the plain one.
    const zipped = await fetch(`${base}/`);
    expect(zipped.headers.get('etag')).not.toBe(etag);
    expect((await fetch(`${base}/`, { headers: { 'if-none-match': zipped.headers.get('etag') as string } })).status).toBe(304);
  });

  it('stores 404s too, and expires pages by tag', async () => {
    status = 404;
    expect((await fetch(`${base}/technology/missing`)).status).toBe(404);
    status = 200;
    expect((await fetch(`${base}/technology/missing`)).status).toBe(404);
    expect(renders).toBe(1);
    await cache.expireEverywhere(['section:technology']);
    expect((await fetch(`${base}/technology/missing`)).status).toBe(200);
    expect(renders).toBe(2);
  });

  it('never stores or shares a page for a signed-in visitor or a search', async () => {
    for (const [path, headers] of [['/', { cookie: 'authjs.session-token=x' }], ['/search?q=x', {}]] as const) {
      const answer = await fetch(`${base}${path}`, { headers });
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      expect(answer.headers.get('etag')).toBeNull();
      expect(answer.headers.get('cache-tag')).toBeNull();
      expect(await answer.text()).not.toContain('__next_f');
    }
    await fetch(`${base}/`, { headers: { cookie: 'authjs.session-token=x' } });
    expect(renders).toBe(3);
    expect(cache.local.stats.entries).toBe(0);
  });

  it('never stores a response that sets a cookie, nor a server error', async () => {
    await fetch(`${base}/cookie`);
    await fetch(`${base}/cookie`);
    expect(renders).toBe(2);
    const failed = await fetch(`${base}/boom`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('<p>خطأ</p>');
  });

  it('answers a long address from the cache too (one too long to keep parsed)', async () => {
    const long = `/technology/${'ك'.repeat(400)}`;
    expect((await fetch(`${base}${long}`)).headers.get('x-sahifa-cache')).toBe('MISS');
    expect((await fetch(`${base}${long}?utm_source=x`)).headers.get('x-sahifa-cache')).toBe('HIT');
    expect(renders).toBe(1);
  });

  it('passes what is not a reader page straight through', async () => {
    expect(await (await fetch(`${base}/newsroom`)).text()).toBe('passed');
    expect(renders).toBe(0);
  });
});
