import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arabicErrorPages } from './error-page';

// Over real HTTP: a handler that fails the way Next does (status 500, its own HTML) behind the wrapper.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    arabicErrorPages(req, res);
    res.statusCode = req.url?.includes('fail') ? 500 : 200;
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-type', req.url?.includes('json') ? 'application/json' : 'text/html; charset=utf-8');
    res.write('<html><body>Internal Server Error');
    res.end('</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('arabicErrorPages', () => {
  it('answers a reader page that fails with the Arabic error page and its navigation, still a 500', async () => {
    const response = await fetch(`${base}/technology/fail`);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain('حدث خطأ');
    expect(html).toContain('<nav');
    expect(html).not.toContain('Internal Server Error');
    // Security headers set before the failure stay on the page.
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('leaves successful pages, the staff area and non-HTML answers alone', async () => {
    expect(await (await fetch(`${base}/technology`)).text()).toContain('Internal Server Error');
    expect(await (await fetch(`${base}/newsroom/fail`)).text()).toContain('Internal Server Error');
    expect(await (await fetch(`${base}/fail.json`)).text()).toContain('Internal Server Error');
  });
});
