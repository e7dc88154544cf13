'use client';

import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { normalizeDoc } from '@/lib/content/document';
import type { StoryBackup } from '@/lib/stories/backup';
import type { StoryDraft } from '@/lib/stories/working-copy';
import { dropBackupsUpTo, readBackups } from './backup-store';
import { backupMetaOf, metaOf } from './use-story-save';

/**
 * Text this browser kept that the server never got: offered once the editor
 * is ready, never applied silently. Compared with the story as the page
 * loaded it: a later refresh of the page (after a workflow step or a comment)
 * brings a new story object, and must not offer the text being typed right
 * now as a "backup".
 */
export function useBackupOffer(editor: Editor | null, story: StoryDraft, canEdit: boolean, onDiscarded: () => void) {
  const [offer, setOffer] = useState<StoryBackup | null>(null);
  const loadedStory = useRef(story);
  const discarded = useRef(onDiscarded);
  useEffect(() => {
    if (!editor || !canEdit) return;
    const loaded = loadedStory.current;
    let cancelled = false;
    void readBackups(loaded.id).then(({ backups, discarded: count }) => {
      if (cancelled) return;
      if (count > 0) discarded.current();
      const [latest] = backups;
      if (!latest) return;
      const serverMeta = backupMetaOf(metaOf(loaded));
      if (JSON.stringify(latest.body) === JSON.stringify(normalizeDoc(loaded.body)) && JSON.stringify(latest.meta) === JSON.stringify(serverMeta)) {
        void dropBackupsUpTo(loaded.id, loaded.version);
      } else setOffer(latest);
    });
    return () => {
      cancelled = true;
    };
  }, [editor, canEdit]);
  return [offer, setOffer] as const;
}
