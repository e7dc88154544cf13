'use client';

import { useActionState, useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { createStoryAction } from '../stories/actions';

/**
 * «قصة جديدة»: the action makes the draft, then the browser loads its editor as
 * a page of its own. Not the action's redirect: in two CI runs on 2026-12-07
 * Next's router had the redirect and the editor's data and code, and never
 * committed the new page; the writer was left on the list with nothing
 * happening (docs/newsroom.md, "The desk"). The editor's code, document and
 * socket start anew on either path.
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
