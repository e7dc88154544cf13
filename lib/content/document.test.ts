import { describe, expect, it } from 'vitest';
import { ARABIC_WORDS_PER_MINUTE, countWords, isSafeHref, normalizeDoc, paragraphsToDoc, readingMinutes, toPlainText, validateDoc } from './document';

describe('validateDoc', () => {
  it('accepts a document of the schema', () => {
    expect(validateDoc(paragraphsToDoc(['أ', 'ب']))).toEqual([]);
  });

  it('refuses unknown nodes, unknown marks and unsafe links', () => {
    expect(validateDoc({ type: 'doc', content: [{ type: 'iframe' }] })[0]?.message).toMatch(/unknown node/);
    expect(
      validateDoc({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'underline' }] }] }] })[0]
        ?.message,
    ).toMatch(/unknown mark/);
    expect(
      validateDoc({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:x' } }] }] }],
      })[0]?.message,
    ).toBe('unsafe link');
    expect(validateDoc({ type: 'paragraph' })).toHaveLength(1);
    expect(validateDoc(null)).toHaveLength(1);
  });

  it('refuses structure the schema does not allow', () => {
    expect(validateDoc({ type: 'doc', content: [{ type: 'text', text: 'bare text at top level' }] })).not.toEqual([]);
  });
});

describe('isSafeHref', () => {
  it.each([
    ['https://example.com', true],
    ['http://example.com', true],
    ['mailto:desk@example.com', true],
    ['tel:+966500000000', true],
    ['/technology/x', true],
    ['#fn1', true],
    ['//evil.example', false],
    ['javascript:alert(1)', false],
    [' JAVASCRIPT:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['', false],
  ])('%s → %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});

describe('toPlainText', () => {
  it('joins blocks with a blank line and keeps text verbatim', () => {
    expect(toPlainText(paragraphsToDoc(['أولى *نجمة', 'ثانية “مُقطّرة”']))).toBe('أولى *نجمة\n\nثانية “مُقطّرة”');
  });

  it('walks nested blocks and hard breaks', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'أ' }, { type: 'hardBreak' }, { type: 'text', text: 'ب' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'ج', marks: [{ type: 'bold' }] }] },
      ],
    };
    expect(toPlainText(doc)).toBe('أ\nب\n\nج');
  });
});

describe('validateDoc: attributes and link schemes', () => {
  const withLink = (href: string) => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }],
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'DATA:text/html,x',
    ' data:image/svg+xml,<svg/onload=alert(1)>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/\\evil.example',
  ])('refuses %j', (href) => {
    expect(validateDoc(withLink(href)).map((p) => p.message)).toContain('unsafe link');
  });

  it('accepts safe links and a direction on a block', () => {
    expect(validateDoc(withLink('https://example.com/a?b=1'))).toEqual([]);
    expect(validateDoc({ type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'ARM' }] }] })).toEqual([]);
  });

  it('refuses unknown attributes and bad values of known ones', () => {
    const messages = (doc: unknown) => validateDoc(doc).map((p) => p.message);
    expect(messages({ type: 'doc', content: [{ type: 'paragraph', attrs: { style: 'color:red' } }] })).toContain('unknown attribute paragraph.style');
    expect(messages({ type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'sideways' } }] })).toContain('bad dir');
    expect(messages({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'h' }] }] })).toContain('bad heading level');
    expect(
      messages({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://a.b', class: 'evil' } }] }] }] }),
    ).toContain('attribute class not allowed');
    expect(messages({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] })).toContain('empty text node');
  });

  it('refuses a document over about 1 MB', () => {
    const big = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ا'.repeat(1_000_001) }] }] };
    expect(validateDoc(big)).toEqual([{ path: 'doc', message: 'too large' }]);
  });
});

describe('word count and reading time', () => {
  it('counts Arabic words with their clitics attached, and Latin names and numbers', () => {
    expect(countWords('وسوف بنك تخطط لاستثمار ضخم في OpenAI')).toBe(7);
    expect(countWords('ما بين 15 و25 مليار دولار.')).toBe(6);
    expect(countWords('  ')).toBe(0);
  });

  it('reads at 140 words a minute, rounding, with a minute at least', () => {
    expect(ARABIC_WORDS_PER_MINUTE).toBe(140);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(20)).toBe(1);
    expect(readingMinutes(700)).toBe(5);
    expect(readingMinutes(10_000)).toBe(71);
  });
});

describe('normalizeDoc', () => {
  it('keeps what the writer chose and drops editor defaults', () => {
    const fromEditor = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { dir: 'auto' }, content: [{ type: 'text', text: 'أ', marks: [{ type: 'link', attrs: { href: 'https://a.b', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }] }] },
        { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'B', marks: [{ type: 'bold', attrs: {} }] }] },
        { type: 'orderedList', attrs: { start: 1, type: null, dir: 'auto' }, content: [{ type: 'listItem', attrs: { dir: 'auto' }, content: [{ type: 'paragraph', attrs: { dir: 'auto' }, content: [{ type: 'text', text: 'ج' }] }] }] },
      ],
    };
    const normalized = normalizeDoc(fromEditor);
    expect(normalized).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'أ', marks: [{ type: 'link', attrs: { href: 'https://a.b' } }] }] },
        { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'B', marks: [{ type: 'bold' }] }] },
        { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ج' }] }] }] },
      ],
    });
    expect(validateDoc(normalized)).toEqual([]);
    expect(validateDoc(fromEditor).map((p) => p.message)).toContain('attribute target not allowed');
  });
});

describe('hostile documents', () => {
  const nested = (depth: number) => {
    let node: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
    return { type: 'doc', content: [node] };
  };

  it('refuses a 10,000-deep document without overflowing the stack', () => {
    expect(validateDoc(nested(10_000))).toEqual([{ path: 'doc', message: 'too deep' }]);
    expect(validateDoc(nested(10))).toEqual([]);
  });

  it('refuses deep nesting hidden in attributes too', () => {
    let attrs: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) attrs = { a: attrs };
    expect(validateDoc({ type: 'doc', content: [{ type: 'paragraph', attrs }] })).toEqual([{ path: 'doc', message: 'too deep' }]);
  });

  it('refuses control characters in text and attributes', () => {
    expect(validateDoc(paragraphsToDoc(['a\u0000b'])).map((p) => p.message)).toContain('control characters');
    expect(validateDoc(paragraphsToDoc(['سطر\tمع جدولة']))).toEqual([]);
  });

  it('reads a link as the browser does: tabs and line breaks inside are dropped', () => {
    for (const href of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '\t//evil.example', '/\t\\evil.example', ' /\t/evil.example '])
      expect(isSafeHref(href), JSON.stringify(href)).toBe(false);
    expect(isSafeHref(' /economy/story ')).toBe(true);
    expect(isSafeHref('https://example.com/a\tb')).toBe(true);
  });
});
