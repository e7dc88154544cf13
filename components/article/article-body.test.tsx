import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { bodyHtmlVersion, renderBodyHtml } from '@/lib/content/body-html';
import { ArticleBody } from './article-body';

const render = (content: JSONContent[]) => renderToStaticMarkup(<ArticleBody doc={{ type: 'doc', content }} language="ar" />);
const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

describe('ArticleBody', () => {
  it('renders paragraphs in order with per-block direction', () => {
    const html = render([
      { type: 'paragraph', content: [text('سوفت بنك تستثمر في OpenAI')] },
      { type: 'paragraph', attrs: { dir: 'ltr' }, content: [text('ARM Holdings')] },
    ]);
    expect(html).toMatch(/<p dir="rtl">سوفت بنك تستثمر في OpenAI<\/p><p dir="ltr">ARM Holdings<\/p>/);
  });

  it('escapes text instead of emitting markup', () => {
    const html = render([{ type: 'paragraph', content: [text('<script>alert(1)</script> & <b>x</b>')] }]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;');
  });

  it('drops unknown nodes and marks', () => {
    const html = render([
      { type: 'paragraph', content: [text('قبل')] },
      { type: 'iframe', attrs: { src: 'https://evil.example' } },
      { type: 'paragraph', content: [text('بعد', [{ type: 'fontColor', attrs: { color: 'red' } }, { type: 'bold' }])] },
    ]);
    expect(html).not.toContain('iframe');
    expect(html).not.toContain('evil');
    expect(html).not.toContain('red');
    expect(html).toContain('<p dir="rtl">قبل</p><p dir="rtl"><strong>بعد</strong></p>');
  });

  it('keeps safe links and drops unsafe ones', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href } }];
    const html = render([
      { type: 'paragraph', content: [text('آمن', link('https://example.com/a'))] },
      { type: 'paragraph', content: [text('خطر', link('javascript:alert(1)'))] },
      { type: 'paragraph', content: [text('بيانات', link('data:text/html,<b>x</b>'))] },
    ]);
    expect(html).toContain('href="https://example.com/a"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:');
    expect(html).toContain('<p dir="rtl">خطر</p>');
  });

  it('drops a figure whose size is not a positive integer: a row written around the validator puts no attribute on the page', () => {
    const figure = (width: unknown, height: unknown) => ({ type: 'figure', attrs: { mediaId: '00000000-0000-4000-8000-000000000000', width, height, alt: 'بديل', caption: '', credit: '' } });
    const html = render([figure('1" onerror="alert(1)', 900), figure(1600, -9), figure(1.5, 900), { type: 'paragraph', content: [text('بعد')] }]);
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('<figure');
    expect(html).toContain('<p dir="rtl">بعد</p>');
    expect(render([figure(1600, 900)])).toContain('width="1600" height="900"');
  });

  it('renders the trimmed schema: headings, lists, quotes and rules', () => {
    const html = render([
      { type: 'heading', attrs: { level: 2 }, content: [text('عنوان فرعي')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('بند')] }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [text('اقتباس')] }] },
      { type: 'horizontalRule' },
    ]);
    expect(html).toContain('<h2 dir="rtl">عنوان فرعي</h2>');
    expect(html).toMatch(/<ul[^>]*><li[^>]*><p dir="rtl">بند<\/p><\/li><\/ul>/);
    expect(html).toMatch(/<blockquote[^>]*><p dir="rtl">اقتباس<\/p><\/blockquote>/);
    expect(html).toMatch(/<hr[^>]*\/?>/);
  });
});

describe('ArticleBody with the body stored at publish', () => {
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [text('النص الحالي')] }] };
  const stored = (html: string, version: string) => renderToStaticMarkup(<ArticleBody doc={doc} language="ar" stored={{ html, version }} />);

  it('inserts the stored HTML as it is when the current renderer made it', () => {
    expect(stored('<p dir="rtl">المخزن</p>', bodyHtmlVersion())).toBe('<div class="article-body"><p dir="rtl">المخزن</p></div>');
  });

  it('renders the body anew when another version of the renderer made it, or nothing was stored', () => {
    expect(stored('<p>old markup</p>', 'another-version')).toBe('<div class="article-body"><p dir="rtl">النص الحالي</p></div>');
    expect(renderToStaticMarkup(<ArticleBody doc={doc} language="ar" stored={{ html: null, version: null }} />)).toBe('<div class="article-body"><p dir="rtl">النص الحالي</p></div>');
  });

  it('is what publishing stores: the same function, the same markup', () => {
    expect(renderToStaticMarkup(<ArticleBody doc={doc} language="ar" />)).toBe(`<div class="article-body">${renderBodyHtml(doc, 'ar')}</div>`);
  });
});
