'use client';

import Collaboration from '@tiptap/extension-collaboration';
import { useEditor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import { languageDirection } from '@/lib/content/direction';
import { contentExtensionsFor } from '@/lib/content/extensions';
import { cleanPastedHtml } from '@/lib/content/paste';
import type { StoryDraft } from '@/lib/stories/working-copy';
import { BODY_FIELD } from '@/lib/collab/fields';
import { CommentHighlights } from '../comments/comment-highlights';
import { collabCarets } from './collab/carets';
import type { Collab } from './collab/use-collab';

/**
 * The story's body: a Tiptap editor on the `body` fragment of the shared
 * document, with colleagues' carets, read-only until the page decides. Its
 * content comes from the document (this device's copy, then the server's),
 * never from the page. Its handlers are set once, so what they call (the
 * upload, the paste notice) is reached through refs the page keeps current.
 */
export type TiptapHandlers = { dropFiles: (files: File[]) => void; imagesDropped: (count: number) => void };

export function useStoryTiptap(story: Pick<StoryDraft, 'language'>, collab: Collab, handlers: RefObject<TiptapHandlers>) {
  const t = useTranslations();
  const editor = useEditor({
    // Comment highlights are decorations of this editor only, never part of the story.
    extensions: [...contentExtensionsFor(story.language, { undoRedo: false }), CommentHighlights, Collaboration.configure({ document: collab.doc, field: BODY_FIELD }), collabCarets(collab, BODY_FIELD)],
    editable: false,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': t('editor.body'),
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'article-body min-h-[60vh] px-6 py-6 outline-none',
        lang: story.language,
        dir: languageDirection(story.language),
      },
      transformPastedHTML: (html) => {
        const cleaned = cleanPastedHtml(html);
        if (cleaned.droppedImages > 0) handlers.current.imagesDropped(cleaned.droppedImages);
        return cleaned.html;
      },
      handleDrop: (_view, event) => {
        const files = [...((event as DragEvent).dataTransfer?.files ?? [])];
        if (files.length === 0) return false;
        event.preventDefault();
        handlers.current.dropFiles(files);
        return true;
      },
      handlePaste: (_view, event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (files.length === 0) return false;
        handlers.current.dropFiles(files);
        return true;
      },
    },
  }, [collab]);
  return editor;
}
