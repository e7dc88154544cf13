'use client';

import { useActionState } from 'react';
import { usePageLoad } from '@/components/newsroom/use-page-load';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { createStoryAction } from '../stories/actions';

/** «قصة جديدة»: the action makes the draft, then the browser loads its editor (`usePageLoad`, for why). */
export function NewStoryButton({ label }: { label: string }) {
  const [state, formAction, pending] = useActionState(createStoryAction, {});
  const editor = state.ok === true && state.data !== undefined ? `/newsroom/stories/${state.data}` : undefined;
  usePageLoad(editor);
  return (
    <form action={formAction}>
      <Button type="submit" disabled={pending || editor !== undefined}>
        {label}
      </Button>
      {state.error && <FormStatus error={state.error} />}
    </form>
  );
}
