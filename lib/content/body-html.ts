import { createHash } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import type { Mark, Node as DocNode } from '@tiptap/pm/model';
import { renderJSONContentToString, serializeChildrenToHTMLString } from '@tiptap/static-renderer/json/html-string';
import { domOutputSpecToHTMLString, renderToElement } from '@tiptap/static-renderer/pm/html-string';
import { withDirections } from './block-direction';
import type { ContentLanguage } from './direction';
import { sanitizeDoc, toDocNode } from './document';
import { contentExtensions } from './extensions';
import type { FigureAttrs } from './figure';
import { escapeHtml, figureHtml } from './figure-html';

// A story's body as the HTML readers get, rendered from stored JSON through
// the content schema and the editor's own extension list (the nodes and marks
// it knows, their renderHTML, the link extension's URL check). Text and
// attribute values are escaped; unknown nodes and marks are dropped by the
// schema (sanitizeDoc, toDocNode). Plain strings, no React: the publish path
// runs it outside Next too (the job runner, the seed), and the reader page
// inserts the result as it is. Each block gets the direction of its dominant
// script (./block-direction), computed here again for rows stored before
// blocks carried one; a direction forced in the editor wins.

/**
 * The version of this renderer, as stored next to the HTML it made: a hash of
 * its output for a body that uses every node and mark of the schema, in both
 * languages. Whatever changes that markup (an extension, the figure, the
 * escaping, the directions) changes the version, and bodies stored by another
 * version are not used and are rendered again (lib/reader/stored-bodies.ts).
 */
export function bodyHtmlVersion(): string {
  version ??= createHash('sha256')
    .update(RENDERER_EPOCH)
    .update(renderBodyHtml(VERSION_PROBE, 'ar'))
    .update(renderBodyHtml(VERSION_PROBE, 'en'))
    .digest('base64url')
    .slice(0, 16);
  return version;
}
let version: string | undefined;
/**
 * Raised by hand when the markup may change in a way the probe does not show (a link rule, a rendition plan for
 * sizes it does not use): every stored body is then made again.
 */
const RENDERER_EPOCH = '1';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const VERSION_PROBE: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('عنوان <"&\'>')] },
    { type: 'heading', attrs: { level: 3 }, content: [text('Heading')] },
    { type: 'heading', attrs: { level: 4 }, content: [text('عنوان OpenAI')] },
    paragraph(text('عريض', [{ type: 'bold' }]), text(' مائل', [{ type: 'italic' }]), text(' مشطوب', [{ type: 'strike' }]), { type: 'hardBreak' }, text('link', [{ type: 'link', attrs: { href: 'https://example.com/?a=1&b=2' } }])),
    { type: 'paragraph', attrs: { dir: 'ltr' }, content: [text('Forced left to right')] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('بند'))] }] },
    { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [paragraph(text('item'))] }] },
    { type: 'blockquote', content: [paragraph(text('اقتباس'))] },
    { type: 'horizontalRule' },
    { type: 'figure', attrs: { mediaId: '00000000-0000-4000-8000-000000000000', width: 1600, height: 900, alt: 'بديل', caption: 'تعليق', credit: 'Credit' } },
    // The edges the link and figure rules decide: which links survive, which renditions each size gets.
    paragraph(...['javascript:alert(1)', 'tel:+100', 'mailto:a@example.com', '/\\example.com', '#note', '/economy/x', 'http://example.com'].map((href) => text(href, [{ type: 'link', attrs: { href } }]))),
    ...[[200, 150], [5000, 2500], [0, 0]].map(([width, height]) => ({ type: 'figure', attrs: { mediaId: '00000000-0000-4000-8000-000000000001', width, height, alt: '', caption: '', credit: '' } })),
  ],
};

const isSize = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

type BodyRenderer = (content: DocNode) => string;
const renderers = new Map<ContentLanguage, BodyRenderer>();

export function renderBodyHtml(doc: JSONContent, language: ContentLanguage): string {
  return bodyRenderer(language)(toDocNode(withDirections(sanitizeDoc(doc), language)));
}

/**
 * The renderer of one language's bodies, made once. Tiptap's renderToHTMLString
 * resolves the extension list (StarterKit configures its twenty extensions
 * anew), reads every extension's attributes and maps every node and mark on
 * each call, about 3 ms. renderToElement does the same mapping and hands it to
 * the renderer we give it, so it is kept here and run per body.
 */
function bodyRenderer(language: ContentLanguage): BodyRenderer {
  const known = renderers.get(language);
  if (known) return known;
  let made: ((ctx: { content: DocNode }) => string) | undefined;
  renderToElement<string>({
    renderer: (options) => {
      made = renderJSONContentToString<Mark, DocNode>(options);
      return () => '';
    },
    domOutputSpecToElement: domOutputSpecToHTMLString,
    mapDefinedTypes: {
      doc: ({ children }) => serializeChildrenToHTMLString(children),
      text: ({ node }) => escapeHtml(node.text ?? ''),
    },
    content: toDocNode({ type: 'doc', content: [] }),
    extensions: contentExtensions,
    options: {
      // Figures get the reader's <picture> over the renditions, lazily loaded: the body sits below the lead image.
      nodeMapping: {
        figure: ({ node }) => {
          const attrs = node.attrs as FigureAttrs;
          // Sizes are positive integers from the library; anything else (a row written around the validator) is
          // no figure of ours. The schema does not check attribute types, so this is the check.
          if (!isSize(attrs.width) || !isSize(attrs.height)) return '';
          return figureHtml({ id: attrs.mediaId, width: attrs.width, height: attrs.height, alt: attrs.alt, caption: attrs.caption, credit: attrs.credit }, language);
        },
      },
    },
  });
  if (!made) throw new Error('the static renderer did not hand over its mapping');
  const render = made;
  const renderer: BodyRenderer = (content) => render({ content });
  renderers.set(language, renderer);
  return renderer;
}
