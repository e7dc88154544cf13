import type { JSONContent } from '@tiptap/core';
import type { Node as DocNode, Mark } from '@tiptap/pm/model';
import { renderJSONContentToReactElement } from '@tiptap/static-renderer/json/react';
import { domOutputSpecToReactElement, renderToElement } from '@tiptap/static-renderer/pm/react';
import { Fragment, createElement, type ReactNode } from 'react';
import { withDirections } from '@/lib/content/block-direction';
import type { ContentLanguage } from '@/lib/content/direction';
import { sanitizeDoc, toDocNode } from '@/lib/content/document';
import { contentExtensions } from '@/lib/content/extensions';
import type { FigureAttrs } from '@/lib/content/figure';
import { Figure } from './responsive-picture';

// Renders stored JSON to React elements on the server with the editor's own
// extension list. React escapes every text node, so no HTML string from the
// document ever reaches the page. Each block gets the direction of its
// dominant script (lib/content/block-direction), computed here again for rows
// stored before blocks carried one; a direction forced in the editor wins.
export function ArticleBody({ doc, language }: { doc: JSONContent; language: ContentLanguage }) {
  return <div className="article-body">{bodyRenderer(language)(toDocNode(withDirections(sanitizeDoc(doc), language)))}</div>;
}

type BodyRenderer = (content: DocNode) => ReactNode;
const renderers = new Map<ContentLanguage, BodyRenderer>();

/**
 * The renderer of one language's bodies, made once. Tiptap's renderToReactElement
 * resolves the extension list (StarterKit configures its twenty extensions
 * anew), reads every extension's attributes and maps every node and mark on
 * each call: about 3 ms of an article's render. renderToElement does the same
 * mapping and hands it to the renderer we give it, so it is kept here and run
 * per body. `doc` and `text` are mapped as renderToReactElement maps them.
 */
function bodyRenderer(language: ContentLanguage): BodyRenderer {
  const known = renderers.get(language);
  if (known) return known;
  let made: ((ctx: { content: DocNode }) => ReactNode) | undefined;
  renderToElement<ReactNode>({
    renderer: (options) => {
      made = renderJSONContentToReactElement<Mark, DocNode>(options);
      return () => null;
    },
    domOutputSpecToElement: domOutputSpecToReactElement,
    mapDefinedTypes: {
      doc: ({ children }) => createElement(Fragment, {}, children),
      text: ({ node }) => node.text ?? '',
    },
    content: toDocNode({ type: 'doc', content: [] }),
    extensions: contentExtensions,
    options: {
      // Figures get the reader's <picture> over the renditions, lazily loaded: the body sits below the lead image.
      nodeMapping: {
        figure: ({ node }) => {
          const attrs = node.attrs as FigureAttrs;
          if (!attrs.width || !attrs.height) return null;
          return <Figure id={attrs.mediaId} width={attrs.width} height={attrs.height} alt={attrs.alt} caption={attrs.caption} credit={attrs.credit} language={language} />;
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
