'use client';

import { useActionState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';

type Action<T> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * A small one-button form over a server action: its hidden inputs and
 * controls come from the (server-rendered) page, its outcome is announced in
 * the live region, a field error included.
 */
export function ActionForm<T>({ action, submit, label, variant = 'secondary', children, className }: { action: Action<T>; submit: string; label?: string; variant?: ButtonProps['variant']; children?: ReactNode; className?: string }) {
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, {});
  const error = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <form action={formAction} className={className ?? 'flex flex-wrap items-center gap-2'} aria-label={label}>
      {children}
      <Button type="submit" variant={variant} size="sm" disabled={pending}>
        {submit}
      </Button>
      {error && (
        <div className="basis-full">
          <FormStatus error={error} />
        </div>
      )}
    </form>
  );
}
