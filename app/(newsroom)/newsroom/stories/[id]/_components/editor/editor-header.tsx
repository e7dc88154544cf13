'use client';

import type { Editor } from '@tiptap/react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { CollabStatusStore } from '@/lib/collab/status-store';
import type { StoryDraft } from '@/lib/stories/working-copy';
import { PresenceAvatars } from './collab/avatars';
import { CollabStatusLine } from './collab/status-line';
import type { Collab } from './collab/use-collab';
import { StoryCounts } from './story-counts';
import type { MetaStatus } from './use-meta-save';

/** The story's states, its counts, who has it open, the co-editing status (announced), and the links to history and preview. */
export function EditorHeader({
  story,
  editor,
  collab,
  status,
  metaStatus,
  readOnlyText,
  editable,
  onCheckpoint,
}: {
  story: StoryDraft;
  /** The body's editor, for its word count (null until it exists). */
  editor: Editor | null;
  collab: Collab | null;
  /** The co-editing status, read by the status line alone (it changes with every keystroke). */
  status: CollabStatusStore;
  /** The metadata save's state: shown only as an attribute; its errors are notices. */
  metaStatus: MetaStatus;
  /** What the status says when this person may only read. */
  readOnlyText: string;
  editable: boolean;
  onCheckpoint: () => void;
}) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{t(`editorialState.${story.editorialState}`)}</Badge>
        <Badge tone={story.publicationState === 'published' ? 'good' : 'neutral'}>{t(`publicationState.${story.publicationState}`)}</Badge>
        {story.scheduledFor && <Badge tone="warn">{t('workflow.scheduledFor', { time: format.dateTime(new Date(story.scheduledFor), 'dateTime') })}</Badge>}
        <StoryCounts editor={editor} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {collab && <PresenceAvatars collab={collab} />}
        <CollabStatusLine status={status} metaStatus={metaStatus} readOnlyText={readOnlyText} />
        <Link href={`/newsroom/stories/${story.id}/history`} className="text-sm underline">
          {t('editor.history')}
        </Link>
        {/* A plain link: the preview is a reader page, in the reader's own layout. */}
        <a href={`/preview/${story.id}`} target="_blank" rel="noopener" className="text-sm underline" title={t('preview.body')}>
          {t('editor.preview')}
        </a>
        {editable && (
          <Button variant="secondary" onClick={onCheckpoint} title="Ctrl+S">
            {t('collab.checkpoint')}
          </Button>
        )}
      </div>
    </div>
  );
}
