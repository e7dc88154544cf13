import { describe, expect, it } from 'vitest';
import { isSafeHref, paragraphsToDoc, toPlainText, validateDoc } from './document';

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
