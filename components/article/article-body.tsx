import type { JSONContent } from '@tiptap/core';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
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
  return (
    <div className="article-body">
      {renderToReactElement({
        content: toDocNode(withDirections(sanitizeDoc(doc), language)),
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
      })}
    </div>
  );
}
