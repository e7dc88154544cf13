'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';

type EndAction = (previous: FormState, formData: FormData) => Promise<FormState>;

export function EndSessionForm({ action, sessionId, userId, label }: { action: EndAction; sessionId: string; userId?: string; label: string }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={submit} className="flex items-center gap-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      {userId && <input type="hidden" name="userId" value={userId} />}
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {label}
      </Button>
      <FormStatus error={state.error} />
    </form>
  );
}
