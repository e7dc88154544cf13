'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';
import { deleteMediaAction } from '../actions';

/** Deletes an image after a confirmation; the DAL refuses one a story uses, and says so. */
export function DeleteMediaForm({ id }: { id: string }) {
  const t = useTranslations('media');
  const [state, action, pending] = useActionState<FormState, FormData>(deleteMediaAction, {});
  if (state.ok) return <FormStatus success={t('delete.done')} />;
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t('delete.confirm'))) event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      <FormStatus error={state.error} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t('delete.button')}
      </Button>
    </form>
  );
}
