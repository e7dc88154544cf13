'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import type { TextQuoteAnchor } from '@/db/schema';
import type { FormState } from '@/lib/actions';
import { COMMENT_MAX } from '@/lib/comments/mentions';
import { addCommentAction, editCommentAction } from '../../comment-actions';
import { MentionTextarea, type Mentionable } from './mention-textarea';
import { dominantDirection } from '@/lib/content/direction';

type Target = { storyId: string; anchor?: TextQuoteAnchor; parentId?: string } | { commentId: string };

/**
 * Writing a comment, a reply or an edit. What was typed stays in the box
 * when the server refuses it, with the reason next to it.
 */
export function CommentForm({
  target,
  staff,
  label,
  initial = '',
  placeholder,
  autoFocus,
  onDone,
  onCancel,
}: {
  target: Target;
  staff: Mentionable[];
  label: string;
  initial?: string;
  placeholder?: string;
  autoFocus?: boolean;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations();
  const editing = 'commentId' in target;
  const [body, setBody] = useState(initial);
  const [state, dispatch, pending] = useActionState<FormState, FormData>(async (_previous, data) => {
    const result = editing ? await editCommentAction({}, data) : await addCommentAction({}, data);
    if (result.ok) {
      setBody('');
      onDone();
    }
    return { ok: result.ok, error: result.error, fieldErrors: result.fieldErrors };
  }, {});

  const error = state.fieldErrors?.body;
  const fieldId = useId();

  return (
    <form action={dispatch} className="space-y-2">
      {'commentId' in target ? (
        <input type="hidden" name="commentId" value={target.commentId} />
      ) : (
        <>
          <input type="hidden" name="storyId" value={target.storyId} />
          {target.parentId && <input type="hidden" name="parentId" value={target.parentId} />}
          {target.anchor && (
            <>
              <input type="hidden" name="exact" value={target.anchor.exact} />
              <input type="hidden" name="prefix" value={target.anchor.prefix} />
              <input type="hidden" name="suffix" value={target.anchor.suffix} />
              <input type="hidden" name="position" value={target.anchor.position} />
            </>
          )}
        </>
      )}
      <label className="sr-only" htmlFor={`${fieldId}-body`}>
        {label}
      </label>
      <MentionTextarea
        id={`${fieldId}-body`}
        name="body"
        value={body}
        onValueChange={setBody}
        staff={staff}
        rows={3}
        maxLength={COMMENT_MAX + 200}
        placeholder={placeholder ?? t('comments.threadPlaceholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        dir={dominantDirection(body, 'ar')}
        autoFocus={autoFocus}
        className="min-h-20 text-sm"
      />
      {error && (
        <p id={`${fieldId}-error`} className="text-sm font-bold text-accent-ink">
          {t(error)}
        </p>
      )}
      <FormStatus error={state.error} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending || !body.trim()}>
          {pending ? t('comments.posting') : editing ? t('comments.save') : t('comments.post')}
        </Button>
        {onCancel && (
          <Button type="button" size="sm" variant="secondary" onClick={onCancel}>
            {t('comments.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
