'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { DominantInput, DominantTextarea } from '@/components/ui/dominant-input';
import type { FormState } from '@/lib/actions';
import { DESCRIPTION_MAX, NAME_MAX } from '@/lib/sections/schemas';

type Action<T> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;
export type NamedValues = { id?: string; name: string; slug: string; description: string; hidden?: boolean };

/** Name, slug and description of a section or tag; a section also has "hidden from the navigation". */
export function NamedForm<T>({ action, values, kind, idPrefix }: { action: Action<T>; values: NamedValues; kind: 'section' | 'tag'; idPrefix: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, {});
  const value = (name: 'name' | 'slug' | 'description') => state.values?.[name] ?? values[name];
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  const creating = !values.id;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormStatus error={state.error ?? (state.fieldErrors?.hidden || state.fieldErrors?.id)} success={state.ok ? t('structure.saved') : null} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <Field name={`${idPrefix}-name`} label={t('structure.name')} error={error('name')}>
        {(props) => <DominantInput {...props} name="name" defaultValue={value('name')} maxLength={NAME_MAX} required />}
      </Field>
      <Field name={`${idPrefix}-slug`} label={t('structure.slug')} hint={t(creating ? 'structure.slugHintNew' : 'structure.slugHint')} error={error('slug')}>
        {(props) => <DominantInput {...props} name="slug" defaultValue={value('slug')} />}
      </Field>
      <Field name={`${idPrefix}-description`} label={t('structure.description')} hint={t(`structure.${kind}DescriptionHint`)} error={error('description')}>
        {(props) => <DominantTextarea {...props} name="description" defaultValue={value('description')} maxLength={DESCRIPTION_MAX} className="min-h-16" />}
      </Field>
      {kind === 'section' && !creating && (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="hidden" value="on" defaultChecked={state.values ? state.values.hidden === 'on' : values.hidden} className="size-4 accent-accent" />
          {t('structure.hidden')}
        </label>
      )}
      <Button type="submit" disabled={pending}>
        {t(creating ? 'structure.create' : 'structure.save')}
      </Button>
    </form>
  );
}
