import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { BlockDirection } from './block-direction';
import type { ContentLanguage } from './direction';
import { Figure } from './figure';

// The one extension list. The editor and the server renderer both import it,
// so what a writer can produce is exactly what a reader page can render.
// StarterKit is trimmed to what a newsroom uses: no code, code blocks or
// underline (underline reads as a link on the web); headings h2–h4 only,
// because the headline is the page's only h1.
export const LINK_PROTOCOLS = ['http', 'https', 'mailto', 'tel'] as const;

// The language only decides a tie when the editor recomputes a block's direction (./block-direction).
// `undoRedo: false` for an editor of a shared document: the Collaboration extension brings its own undo, of this tab's changes only.
export const contentExtensionsFor = (language: ContentLanguage, { undoRedo = true }: { undoRedo?: boolean } = {}): Extensions => [
  StarterKit.configure({
    ...(undoRedo ? {} : { undoRedo: false }),
    code: false,
    codeBlock: false,
    underline: false,
    // A story ends where the writer ends it; no empty paragraph appended after the last block.
    trailingNode: false,
    heading: { levels: [2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: [...LINK_PROTOCOLS],
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    },
  }),
  Figure,
  BlockDirection.configure({ language }),
];

/** The schema and the reader renderer: stored blocks already carry their direction, so the language plays no part. */
export const contentExtensions: Extensions = contentExtensionsFor('ar');
