'use client';

import type { Editor } from '@tiptap/core';
import { MessageSquarePlus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Offers "comment" while text of the story is selected, for anyone who can
 * open the story, even read-only: commenting never edits it.
 */
export function SelectionComment({ editor, onComment }: { editor: Editor; onComment: () => void }) {
  const t = useTranslations('comments');
  const [selected, setSelected] = useState(false);
  useEffect(() => {
    const update = () => {
      const selection = window.getSelection();
      const inEditor = !!selection && !selection.isCollapsed && !!selection.anchorNode && editor.view.dom.contains(selection.anchorNode);
      setSelected(inEditor || !editor.state.selection.empty);
    };
    document.addEventListener('selectionchange', update);
    editor.on('selectionUpdate', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      editor.off('selectionUpdate', update);
    };
  }, [editor]);
  return (
    <div className="sticky top-0 z-10 flex min-h-11 items-center justify-end gap-2 border-b border-rule bg-white/95 px-3 py-1.5">
      <span className="text-xs text-muted">{selected ? '' : t('selectHint')}</span>
      <Button
        size="sm"
        variant="secondary"
        disabled={!selected}
        // Keep the selection: a mouse-down on the button must not clear it before the click.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onComment}
        title="Ctrl+Alt+M"
        aria-keyshortcuts="Control+Alt+M"
      >
        <MessageSquarePlus aria-hidden className="size-4" />
        {t('commentOn')}
      </Button>
    </div>
  );
}
