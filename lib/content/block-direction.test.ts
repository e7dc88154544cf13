import { getSchema, type JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { describe, expect, it } from 'vitest';
import { directionPlugin, withDirections } from './block-direction';
import { normalizeDoc, paragraphsToDoc, validateDoc } from './document';
import { contentExtensions } from './extensions';

const schema = getSchema(contentExtensions);
const render = (doc: JSONContent) => renderToHTMLString({ content: withDirections(doc, 'ar'), extensions: contentExtensions });

describe('block directions on render', () => {
  it('gives an Arabic paragraph that opens with a brand rtl, and an English one ltr', () => {
    const html = render(paragraphsToDoc(['OpenAI ليست شركة ربحية.', 'Apple unveiled the iPhone 17.', '2025']));
    expect(html).toBe('<p dir="rtl">OpenAI ليست شركة ربحية.</p><p dir="ltr">Apple unveiled the iPhone 17.</p><p dir="rtl">2025</p>');
    expect(html).not.toContain('dir="auto"');
  });

  it('lets a forced direction win over the computed one', () => {
    const doc: JSONContent = { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'نص عربي' }] }] };
    expect(render(doc)).toBe('<p dir="ltr">نص عربي</p>');
  });

  it('fills in the direction of old rows that stored none, lists and quotes included', () => {
    const old: JSONContent = {
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'iPhone 17 يصل إلى الأسواق' }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Think different' }] }] },
      ],
    };
    expect(render(old)).toBe('<ul dir="rtl"><li dir="rtl"><p dir="rtl">iPhone 17 يصل إلى الأسواق</p></li></ul><blockquote dir="ltr"><p dir="ltr">Think different</p></blockquote>');
  });

  it('stores the computed direction through normalize and validate', () => {
    const stored = normalizeDoc(withDirections(paragraphsToDoc(['ChatGPT يستخدمه الملايين']), 'en'));
    expect(stored.content?.[0]?.attrs).toEqual({ autoDir: 'rtl' });
    expect(validateDoc(stored)).toEqual([]);
    expect(validateDoc({ type: 'doc', content: [{ type: 'paragraph', attrs: { autoDir: 'auto' } }] }).map((p) => p.message)).toContain('bad dir');
  });
});

describe('the editor keeps directions up to date', () => {
  const start = () => EditorState.create({ schema, doc: schema.nodeFromJSON(withDirections(paragraphsToDoc(['نص', 'Text']), 'ar')), plugins: [directionPlugin('ar')] });

  it('recomputes the block being typed in', () => {
    let state = start();
    // Position 5 is inside the second paragraph ("Text"): type Arabic until it dominates.
    state = state.apply(state.tr.insertText('أخبار اليوم ', 5));
    expect(state.doc.child(1).attrs.autoDir).toBe('rtl');
    expect(state.doc.child(0).attrs.autoDir).toBe('rtl');
  });

  it('leaves a forced direction in place', () => {
    let state = start();
    state = state.apply(state.tr.setNodeAttribute(0, 'dir', 'ltr'));
    state = state.apply(state.tr.insertText('كلمات أخرى', 2));
    expect(state.doc.child(0).attrs).toMatchObject({ dir: 'ltr', autoDir: 'rtl' });
  });
});
