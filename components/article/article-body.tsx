import type { JSONContent } from '@tiptap/core';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import { sanitizeDoc } from '@/lib/content/document';
import { contentExtensions } from '@/lib/content/extensions';
import type { FigureAttrs } from '@/lib/content/figure';
import { Figure } from './responsive-picture';

// Renders stored JSON to React elements on the server with the editor's own
// extension list. React escapes every text node, so no HTML string from the
// document ever reaches the page. `dir="auto"` on each block lets a block
// that starts with a Latin run read left to right; a direction forced in the
// editor is stored on the node and wins.
export function ArticleBody({ doc }: { doc: JSONContent }) {
  return (
    <div className="article-body">
      {renderToReactElement({
        content: sanitizeDoc(doc),
        extensions: contentExtensions,
        staticEditorOptions: { textDirection: 'auto' },
        options: {
          // Figures get the reader's <picture> over the renditions, lazily loaded: the body sits below the lead image.
          nodeMapping: {
            figure: ({ node }) => {
              const attrs = node.attrs as FigureAttrs;
              if (!attrs.width || !attrs.height) return null;
              return <Figure id={attrs.mediaId} width={attrs.width} height={attrs.height} alt={attrs.alt} caption={attrs.caption} credit={attrs.credit} />;
            },
          },
        },
      })}
    </div>
  );
}
