import { describe, expect, it } from 'vitest';
import { stripFrameworkScripts } from './strip-scripts';

// The shapes Next 16 writes into a reader page (taken from a production build).
const page = [
  '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/c.js"/>',
  '<link rel="preload" href="/_next/static/media/naskh.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<script src="/_next/static/chunks/d.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '</head><body><main><p>نص &lt;script&gt;alert(1)&lt;/script&gt; الخبر</p>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"\\u003cb"}</script></main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || []).push({})</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null}"])</script>',
  '</body></html>',
].join('');

describe('stripFrameworkScripts', () => {
  const out = stripFrameworkScripts(page);

  it('removes every script but the JSON-LD', () => {
    expect(out.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/ld+json">']);
    expect(out).not.toContain('__next_f');
    expect(out).not.toContain('TURBOPACK');
  });

  it('removes script preloads and keeps the stylesheet and the font preload', () => {
    expect(out).not.toMatch(/as="script"|modulepreload/);
    expect(out).toContain('rel="stylesheet"');
    expect(out).toContain('as="font"');
  });

  it('leaves escaped text and the JSON-LD content as they were', () => {
    expect(out).toContain('<p>نص &lt;script&gt;alert(1)&lt;/script&gt; الخبر</p>');
    expect(out).toContain('{"@type":"NewsArticle","headline":"\\u003cb"}');
  });
});
