'use client';

import { useEffect } from 'react';

/**
 * Ctrl+S saves, Ctrl+K links, Ctrl+/ lists the shortcuts and Ctrl+Alt+M
 * comments on the selection, wherever the focus is on the page; leaving asks
 * while the server lacks some of the text (the browser's backup has it too).
 */
export function useEditorShortcuts({
  canSave,
  canLink,
  unsaved,
  save,
  openLink,
  openHelp,
  comment,
}: {
  canSave: boolean;
  canLink: () => boolean;
  unsaved: boolean;
  save: () => void;
  openLink: () => void;
  openHelp: () => void;
  comment: () => void;
}) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
        event.preventDefault();
        comment();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's' && !event.shiftKey) {
        event.preventDefault();
        if (canSave) save();
      } else if (key === 'k' && canSave && canLink()) {
        event.preventDefault();
        openLink();
      } else if (key === '/') {
        event.preventDefault();
        openHelp();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canSave, canLink, save, openLink, openHelp, comment]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
}
