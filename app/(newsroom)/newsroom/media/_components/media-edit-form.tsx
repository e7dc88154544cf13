'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input, Textarea } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import type { MediaItem } from '@/lib/media/library';
import { updateMediaAction } from '../actions';

/** Alt text, caption, credit and source of one image. */
export function MediaEditForm({ item }: { item: MediaItem }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(updateMediaAction, {});
  const value = (name: 'alt' | 'caption' | 'credit' | 'source') => state.values?.[name] ?? item[name];
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  if (!item.canEdit) return <p className="text-sm text-muted">{t('media.edit.readOnly')}</p>;
  return (
    <form action={action} className="space-y-3" noValidate key={item.id}>
      <input type="hidden" name="id" value={item.id} />
      <FormStatus error={state.error} success={state.ok ? t('media.edit.saved') : null} />
      <Field name="alt" label={t('media.edit.alt')} hint={t('media.edit.altHint')} error={error('alt')}>
        {(props) => <Textarea {...props} defaultValue={value('alt')} rows={2} maxLength={300} />}
      </Field>
      <Field name="caption" label={t('media.edit.caption')} error={error('caption')}>
        {(props) => <Textarea {...props} defaultValue={value('caption')} rows={2} maxLength={600} />}
      </Field>
      <Field name="credit" label={t('media.edit.credit')} hint={t('media.edit.creditHint')} error={error('credit')}>
        {(props) => <Input {...props} defaultValue={value('credit')} maxLength={200} />}
      </Field>
      <Field name="source" label={t('media.edit.source')} hint={t('media.edit.sourceHint')} error={error('source')}>
        {(props) => <Input {...props} defaultValue={value('source')} maxLength={300} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {t('media.edit.save')}
      </Button>
    </form>
  );
}
