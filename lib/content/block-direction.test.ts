import { getSchema, type JSONContent } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { splitBlock, joinBackward } from '@tiptap/pm/commands';
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

describe('the editor recomputes only the blocks an edit touched', () => {
  // A seeded generator, so a failure can be replayed.
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const words = ['خبر', 'عاجل', 'OpenAI', 'iPhone', 'الرئيس', 'the', 'news', '2025', ' ', '، '];
  const mixed: JSONContent = {
    type: 'doc',
    content: [
      ...paragraphsToDoc(['نص عربي أول', 'English text here', 'OpenAI ليست شركة', '']).content!,
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'بند أول' }] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Second item' }] }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Think different' }] }] },
      ...paragraphsToDoc(['خاتمة القصة']).content!,
    ],
  };

  it('keeps every block equal to a full recompute after hundreds of random edits', () => {
    const next = random(18);
    let state = EditorState.create({ schema, doc: schema.nodeFromJSON(withDirections(mixed, 'ar')), plugins: [directionPlugin('ar')] });
    for (let step = 0; step < 400; step++) {
      const size = state.doc.content.size;
      const at = 1 + Math.floor(next() * (size - 1));
      const $at = state.doc.resolve(at);
      const kind = next();
      let tr = state.tr;
      if (kind < 0.5 && $at.parent.inlineContent) tr = tr.insertText(words[Math.floor(next() * words.length)]!.repeat(1 + Math.floor(next() * 4)), at);
      else if (kind < 0.75) {
        const to = Math.min(size - 1, at + Math.floor(next() * 30));
        tr = tr.delete(at, to);
      } else {
        tr = tr.setSelection(TextSelection.near($at));
        const command = kind < 0.9 ? splitBlock : joinBackward;
        if (!command(state, (t) => (tr = t))) continue;
      }
      if (!tr.docChanged) continue;
      state = state.apply(tr);
      expect(state.doc.toJSON()).toEqual(withDirections(state.doc.toJSON() as JSONContent, 'ar'));
    }
  });
});
