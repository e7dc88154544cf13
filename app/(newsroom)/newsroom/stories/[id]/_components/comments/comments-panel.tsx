'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TextQuoteAnchor } from '@/db/schema';
import type { CommentView } from '@/lib/comments/comments';
import { CommentCard } from './comment-card';
import { CommentForm } from './comment-form';
import type { CommentRange } from './comment-highlights';
import type { Mentionable } from './mention-textarea';
import { dominantDirection } from '@/lib/content/direction';

/**
 * The margin of the proof: inline comments in document order (detached ones
 * last), then the story's discussion, system entries included.
 */
export function CommentsPanel({
  storyId,
  comments,
  ranges,
  active,
  onActivate,
  onChanged,
  staff,
  draft,
  onDraftDone,
}: {
  storyId: string;
  comments: CommentView[];
  ranges: Map<string, CommentRange>;
  active: string | null;
  onActivate: (id: string) => void;
  onChanged: () => void;
  staff: Mentionable[];
  /** The selection being commented on, if any. */
  draft: TextQuoteAnchor | null;
  onDraftDone: () => void;
}) {
  const t = useTranslations();
  const [showResolved, setShowResolved] = useState(false);
  const replies = (id: string) => comments.filter((c) => c.parentId === id);
  const topLevel = comments.filter((c) => !c.parentId);
  const inline = topLevel.filter((c) => c.anchor);
  const open = inline.filter((c) => !c.resolvedAt && !c.deletedAt);
  const resolved = inline.filter((c) => c.resolvedAt && !c.deletedAt);
  // Document order by where each comment sits now; the detached have no place and come last.
  const ordered = [...open].sort((a, b) => (ranges.get(a.id)?.from ?? Number.MAX_SAFE_INTEGER) - (ranges.get(b.id)?.from ?? Number.MAX_SAFE_INTEGER));
  const thread = topLevel.filter((c) => !c.anchor);

  const card = (comment: CommentView) => (
    <CommentCard
      key={comment.id}
      storyId={storyId}
      comment={comment}
      replies={replies(comment.id)}
      staff={staff}
      detached={!comment.resolvedAt && !ranges.has(comment.id)}
      active={active === comment.id}
      onActivate={() => onActivate(comment.id)}
      onChanged={onChanged}
    />
  );

  return (
    <div className="space-y-6" data-testid="comments-panel">
      <section aria-labelledby="inline-comments-heading" className="space-y-3">
        <h3 id="inline-comments-heading" className="font-display font-bold">
          {t('comments.inline')} <span className="text-sm font-normal text-muted">({t('comments.open', { count: open.length })})</span>
        </h3>
        {draft && (
          <div className="space-y-2 rounded-md border border-amber-500 bg-amber-50 p-3">
            <p className="line-clamp-3 text-xs text-muted">{t('comments.quote', { quote: draft.exact })}</p>
            <CommentForm
              target={{ storyId, anchor: draft }}
              staff={staff}
              label={t('comments.newComment')}
              placeholder={t('comments.threadPlaceholder')}
              autoFocus
              onDone={() => {
                onDraftDone();
                onChanged();
              }}
              onCancel={onDraftDone}
            />
          </div>
        )}
        {ordered.length === 0 && !draft ? <p className="text-sm text-muted">{t('comments.noInline')}</p> : <ul className="space-y-3">{ordered.map(card)}</ul>}
        {resolved.length > 0 && (
          <div className="space-y-3">
            <Button size="sm" variant="secondary" aria-expanded={showResolved} onClick={() => setShowResolved(!showResolved)}>
              {showResolved ? t('comments.hideResolved') : t('comments.showResolved', { count: resolved.length })}
            </Button>
            {showResolved && <ul className="space-y-3">{resolved.map(card)}</ul>}
          </div>
        )}
      </section>
      <section aria-labelledby="thread-heading" className="space-y-3">
        <h3 id="thread-heading" className="font-display font-bold">
          {t('comments.thread')}
        </h3>
        {thread.length === 0 ? (
          <p className="text-sm text-muted">{t('comments.noThread')}</p>
        ) : (
          <ul className="space-y-3">
            {thread.map((comment) =>
              comment.systemAction ? (
                <li key={comment.id} id={`comment-${comment.id}`} className="rounded-md bg-black/5 p-3 text-sm" data-testid="system-comment">
                  <p className="text-xs text-muted">
                    <span className="font-bold text-ink">{t(`workflow.actions.${comment.systemAction}`)}</span> · {comment.authorName ?? t('comments.someone')}
                  </p>
                  <p dir={dominantDirection(comment.body, 'ar')} className="whitespace-pre-wrap">
                    {comment.body}
                  </p>
                </li>
              ) : (
                card(comment)
              ),
            )}
          </ul>
        )}
        <CommentForm target={{ storyId }} staff={staff} label={t('comments.newComment')} onDone={onChanged} />
      </section>
    </div>
  );
}
