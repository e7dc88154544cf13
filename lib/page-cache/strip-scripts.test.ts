import { describe, expect, it } from 'vitest';
import { stripFrameworkScripts } from './strip-scripts';
import { absoluteUrls } from './stylesheets';

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

describe('the build stylesheet, inlined', () => {
  const link = '<link rel="stylesheet" href="/_next/static/chunks/a1.css" data-precedence="next"/>';
  const page = `<html><head>${link}<link rel="alternate" type="application/rss+xml" href="/feed.xml"/></head><body></body></html>`;

  it('replaces the <link> with a <style> holding the file, as Next inlined it', () => {
    const inlined = stripFrameworkScripts(page, (href) => (href === '/_next/static/chunks/a1.css' ? 'body{color:red}' : null));
    expect(inlined).toBe('<html><head><style data-precedence="next" data-href="/_next/static/chunks/a1.css">body{color:red}</style><link rel="alternate" type="application/rss+xml" href="/feed.xml"/></head><body></body></html>');
  });

  it('leaves the <link> when the stylesheet is unknown, or would end the <style> early', () => {
    expect(stripFrameworkScripts(page)).toBe(page);
    expect(stripFrameworkScripts(page, () => 'a{}</style><script>x()</script>')).toBe(page);
  });
});

describe('absoluteUrls', () => {
  it("makes the stylesheet's relative url()s absolute, leaving data:, absolute and fragment ones", () => {
    const css = "@font-face{src:url(../media/naskh.woff2) format('woff2')}a{background:url('x.png')}b{background:url(data:image/png;base64,AA)}c{mask:url(#m)}d{background:url(/abs.png)}";
    expect(absoluteUrls(css, '/_next/static/chunks/a1.css')).toBe(
      "@font-face{src:url(/_next/static/media/naskh.woff2) format('woff2')}a{background:url('/_next/static/chunks/x.png')}b{background:url(data:image/png;base64,AA)}c{mask:url(#m)}d{background:url(/abs.png)}",
    );
  });
});
