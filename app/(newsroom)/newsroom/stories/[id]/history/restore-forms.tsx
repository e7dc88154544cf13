'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { usePageLoad } from '@/components/newsroom/use-page-load';
import { FormStatus } from '@/components/ui/form-status';
import { restoreRevisionAction } from './actions';

/**
 * The hidden forms the revisions' «استعادة» dialogs submit (by id, `restore-{revisionId}`), sharing one state: one
 * restore at a time (a second confirmation while one runs, or while the editor loads, does nothing: each restore
 * rewrites everyone's text), one status region, always there so a screen reader hears it change. On success the
 * editor opens on the restored text.
 */
export function RestoreForms({ storyId, revisionIds }: { storyId: string; revisionIds: string[] }) {
  const t = useTranslations('history');
  const [state, formAction, pending] = useActionState(restoreRevisionAction, {});
  const editor = state.ok === true ? state.data : undefined;
  usePageLoad(editor);
  // A form whose ids do not parse (only a tampered one) has field errors and no form error of its own.
  const error = pending || state.ok !== false ? undefined : (state.error ?? 'errors.invalid');
  const restore = (formData: FormData) => {
    if (!pending && !editor) formAction(formData);
  };
  return (
    <>
      {revisionIds.map((revisionId) => (
        <form key={revisionId} id={`restore-${revisionId}`} action={restore} hidden>
          <input type="hidden" name="storyId" value={storyId} />
          <input type="hidden" name="revisionId" value={revisionId} />
        </form>
      ))}
      <FormStatus error={error} success={pending || editor ? t('restoring') : null} />
    </>
  );
}
