'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useEffect } from 'react';
import { COMMENT_CLICK_EVENT } from './comment-highlights';

/**
 * A click on highlighted text opens its comment in the side panel, and a link
 * to one comment (from a notification, #comment-…) opens the panel with it
 * selected once its highlight is placed.
 */
export function useCommentNavigation(editor: Editor | null, setActive: (id: string, select: boolean) => void, showTab: (tab: 'comments') => void) {
  const open = useCallback(
    (id: string, select: boolean) => {
      showTab('comments');
      setActive(id, select);
    },
    [setActive, showTab],
  );
  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    const onClick = (event: Event) => {
      const id = (event as CustomEvent<string>).detail;
      open(id, false);
      requestAnimationFrame(() => document.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'nearest' }));
    };
    dom.addEventListener(COMMENT_CLICK_EVENT, onClick);
    return () => dom.removeEventListener(COMMENT_CLICK_EVENT, onClick);
  }, [editor, open]);

  useEffect(() => {
    const id = /^#comment-([0-9a-f-]{36})$/.exec(window.location.hash)?.[1];
    if (!editor || !id) return;
    const timer = setTimeout(() => {
      open(id, true);
      document.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'nearest' });
    }, 0);
    return () => clearTimeout(timer);
  }, [editor, open]);
}
