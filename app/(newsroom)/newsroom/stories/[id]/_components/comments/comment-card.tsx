'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmSubmit } from '@/components/ui/confirm-dialog';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';
import type { CommentView } from '@/lib/comments/comments';
import { mentionSegments } from '@/lib/comments/mentions';
import { cn } from '@/components/ui/cn';
import { deleteCommentAction, resolveCommentAction } from '../../comment-actions';
import { CommentForm } from './comment-form';
import type { Mentionable } from './mention-textarea';
import { dominantDirection } from '@/lib/content/direction';

/** A comment's words, escaped by React, with its mentions set apart. */
function CommentBody({ comment }: { comment: CommentView }) {
  return (
    <p dir={dominantDirection(comment.body, 'ar')} className="whitespace-pre-wrap break-words text-sm">
      {mentionSegments(comment.body, comment.mentions).map((segment, index) =>
        segment.mention ? (
          <span key={index} className="rounded bg-blue-50 px-0.5 font-bold text-blue-900">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}

function Byline({ comment }: { comment: CommentView }) {
  const t = useTranslations('comments');
  const format = useFormatter();
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted">
      <span className="font-bold text-ink">{comment.authorName ?? t('someone')}</span>
      <time dateTime={comment.createdAt}>{format.dateTime(new Date(comment.createdAt), 'dateTime')}</time>
      {comment.editedAt && <span>({t('edited')})</span>}
    </p>
  );
}

/** One comment, its replies, and what this person may do with it. */
export function CommentCard({
  storyId,
  comment,
  replies,
  staff,
  detached,
  active,
  onActivate,
  onChanged,
}: {
  storyId: string;
  comment: CommentView;
  replies: CommentView[];
  staff: Mentionable[];
  detached?: boolean;
  active?: boolean;
  onActivate?: () => void;
  onChanged: () => void;
}) {
  const t = useTranslations('comments');
  const format = useFormatter();
  const [mode, setMode] = useState<'view' | 'edit' | 'reply'>('view');
  const [resolveState, resolve, resolving] = useActionState<FormState, FormData>(async (previous, data) => {
    const result = await resolveCommentAction(previous, data);
    if (result.ok) onChanged();
    return result;
  }, {});
  const done = () => {
    setMode('view');
    onChanged();
  };

  if (comment.deletedAt) {
    return (
      <li id={`comment-${comment.id}`} className="rounded-md border border-dashed border-rule p-3 text-sm text-muted">
        {t('deletedBy', { name: comment.deletedByName ?? t('someone'), time: format.dateTime(new Date(comment.deletedAt), 'dateTime') })}
      </li>
    );
  }

  return (
    <li
      id={`comment-${comment.id}`}
      data-testid="comment"
      data-comment-id={comment.id}
      className={cn('space-y-2 rounded-md border bg-white p-3', active ? 'border-amber-500 ring-2 ring-amber-300' : 'border-rule', comment.resolvedAt && 'bg-black/[0.02]')}
    >
      {comment.anchor && (
        <div className="flex flex-wrap items-center gap-2">
          {detached && <Badge tone="warn">{t('detached')}</Badge>}
          {comment.resolvedAt && <Badge tone="good">{t('resolvedBy', { name: comment.resolvedByName ?? t('someone') })}</Badge>}
          <button type="button" onClick={onActivate} disabled={detached || !onActivate} className="line-clamp-2 text-start text-xs text-muted underline decoration-dotted disabled:no-underline" title={t('goTo')}>
            {t('quote', { quote: comment.anchor.exact })}
          </button>
        </div>
      )}
      <Byline comment={comment} />
      {mode === 'edit' ? (
        <CommentForm target={{ commentId: comment.id }} staff={staff} label={t('edit')} initial={comment.body} autoFocus onDone={done} onCancel={() => setMode('view')} />
      ) : (
        <CommentBody comment={comment} />
      )}
      {replies.length > 0 && (
        <ul className="space-y-2 border-s-2 border-rule ps-3">
          {replies.map((reply) =>
            reply.deletedAt ? (
              <li key={reply.id} className="text-xs text-muted">
                {t('deletedBy', { name: reply.deletedByName ?? t('someone'), time: format.dateTime(new Date(reply.deletedAt), 'dateTime') })}
              </li>
            ) : (
              <li key={reply.id} id={`comment-${reply.id}`} className="space-y-1">
                <Byline comment={reply} />
                <CommentBody comment={reply} />
                {reply.canDelete && <DeleteButton commentId={reply.id} onChanged={onChanged} />}
              </li>
            ),
          )}
        </ul>
      )}
      {mode === 'reply' && (
        <CommentForm target={{ storyId, parentId: comment.id }} staff={staff} label={t('replyLabel')} autoFocus onDone={done} onCancel={() => setMode('view')} />
      )}
      <FormStatus error={resolveState.error} />
      {mode === 'view' && (
        <div className="flex flex-wrap gap-2">
          {comment.anchor && !comment.resolvedAt && (
            <Button size="sm" variant="secondary" onClick={() => setMode('reply')}>
              {t('reply')}
            </Button>
          )}
          {comment.canResolve && (
            <form action={resolve}>
              <input type="hidden" name="commentId" value={comment.id} />
              <input type="hidden" name="resolved" value={comment.resolvedAt ? 'false' : 'true'} />
              <Button size="sm" variant="secondary" type="submit" disabled={resolving}>
                {comment.resolvedAt ? t('reopen') : t('resolve')}
              </Button>
            </form>
          )}
          {comment.canEdit && (
            <Button size="sm" variant="secondary" onClick={() => setMode('edit')}>
              {t('edit')}
            </Button>
          )}
          {comment.canDelete && <DeleteButton commentId={comment.id} onChanged={onChanged} />}
        </div>
      )}
    </li>
  );
}

function DeleteButton({ commentId, onChanged }: { commentId: string; onChanged: () => void }) {
  const t = useTranslations('comments');
  const formId = useId();
  const [, remove] = useActionState<FormState, FormData>(async (previous, data) => {
    const result = await deleteCommentAction(previous, data);
    if (result.ok) onChanged();
    return result;
  }, {});
  return (
    <>
      <form id={formId} action={remove}>
        <input type="hidden" name="commentId" value={commentId} />
      </form>
      <ConfirmSubmit trigger={t('delete')} title={t('delete')} description={t('deleteConfirm')} confirmLabel={t('delete')} cancelLabel={t('cancel')} formId={formId} />
    </>
  );
}
