'use client';

import { readOnlyMessage } from '@/lib/stories/rules';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { StoryDraft } from '@/lib/stories/working-copy';
import type { SaveStatus } from './use-story-save';

/** The story's states, its counts, the save status (announced), and the links to history and preview. */
export function EditorHeader({
  story,
  counts,
  status,
  savedAt,
  lockedBy,
  canEdit,
  editable,
  onSave,
}: {
  story: StoryDraft;
  counts: { words: number; minutes: number };
  status: SaveStatus;
  savedAt: Date;
  /** Who holds the soft lock, when this tab lost it. */
  lockedBy: string;
  canEdit: boolean;
  editable: boolean;
  onSave: () => void;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const statusLabel = !canEdit
    ? t(readOnlyMessage(story))
    : {
        saved: t('editor.savedAt', { time: format.dateTime(savedAt, 'time') }),
        saving: t('editor.saving'),
        dirty: t('editor.unsaved'),
        offline: t('editor.offline'),
        conflict: t('editor.conflictStatus'),
        locked: t('editor.lockedStatus', { name: lockedBy }),
        invalid: t('editor.unsaved'),
        failed: t('editor.unsaved'),
      }[status];
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{t(`editorialState.${story.editorialState}`)}</Badge>
        <Badge tone={story.publicationState === 'published' ? 'good' : 'neutral'}>{t(`publicationState.${story.publicationState}`)}</Badge>
        {story.scheduledFor && <Badge tone="warn">{t('workflow.scheduledFor', { time: format.dateTime(new Date(story.scheduledFor), 'dateTime') })}</Badge>}
        <span className="text-sm text-muted">
          {t('editor.words', { count: counts.words })} · {t('editor.readingTime', { minutes: counts.minutes })}
        </span>
      </div>
      <div className="flex items-center gap-3">
        <p role="status" aria-live="polite" className="text-sm" data-save-status={canEdit ? status : 'read-only'}>
          {statusLabel}
        </p>
        <Link href={`/newsroom/stories/${story.id}/history`} className="text-sm underline">
          {t('editor.history')}
        </Link>
        {/* A plain link: the preview is a reader page, in the reader's own layout. */}
        <a href={`/preview/${story.id}`} target="_blank" rel="noopener" className="text-sm underline" title={t('preview.body')}>
          {t('editor.preview')}
        </a>
        {editable && (
          <Button onClick={onSave} disabled={status === 'saving'} title="Ctrl+S">
            {status === 'saving' ? t('editor.saving') : t('editor.save')}
          </Button>
        )}
      </div>
    </div>
  );
}
