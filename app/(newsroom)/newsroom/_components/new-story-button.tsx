'use client';

import { useActionState, useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { createStoryAction } from '../stories/actions';

/**
 * «قصة جديدة»: the action makes the draft, then the browser loads its editor as
 * a page of its own. Not the action's redirect: three CI runs in a row on
 * 2026-12-07 caught Next's router with the redirect and the editor's data
 * and code all received, never committing the new page, the writer left on
 * the list with nothing happening (docs/newsroom.md, "The desk"). The editor
 * is a page of its own anyway: its code, its document and its socket start fresh.
 */
export function NewStoryButton({ label }: { label: string }) {
  const [state, formAction, pending] = useActionState(createStoryAction, {});
  const opening = state.ok === true && state.data !== undefined;
  useEffect(() => {
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a whole page load on purpose (above)
    if (opening) window.location.assign(`/newsroom/stories/${state.data}`);
  }, [opening, state.data]);
  return (
    <form action={formAction}>
      <Button type="submit" disabled={pending || opening}>
        {label}
      </Button>
      {state.error && <FormStatus error={state.error} />}
    </form>
  );
}
