'use client';

import { useActionState } from 'react';
import { usePageLoad } from '@/components/newsroom/use-page-load';
import { FormStatus } from '@/components/ui/form-status';
import { restoreRevisionAction } from './actions';

/** The hidden form a revision's «استعادة» dialog submits (by id); on success the editor opens on the restored text. */
export function RestoreForm({ formId, storyId, revisionId }: { formId: string; storyId: string; revisionId: string }) {
  const [state, formAction] = useActionState(restoreRevisionAction, {});
  usePageLoad(state.ok === true ? state.data : undefined);
  // A form whose ids do not parse (only a tampered one) has field errors and no form error of its own.
  const error = state.ok === false ? (state.error ?? 'errors.invalid') : undefined;
  return (
    <>
      <form id={formId} action={formAction} hidden>
        <input type="hidden" name="storyId" value={storyId} />
        <input type="hidden" name="revisionId" value={revisionId} />
      </form>
      {error && <FormStatus error={error} />}
    </>
  );
}
