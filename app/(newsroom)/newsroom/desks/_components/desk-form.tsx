'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';
import { NAME_MAX } from '@/lib/sections/schemas';
import { DominantInput } from '@/components/ui/dominant-input';

type Action<T> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;
type Option = { id: string; name: string; note?: string };
export type DeskValues = { id?: string; name: string; sectionIds: string[]; editorIds: string[] };

/** A group of checkboxes with its legend, hint and error; checked boxes are state, so an error does not undo the admin's choices. */
function Choices({ name, legend, hint, error, options, chosen, onChange }: { name: string; legend: string; hint: string; error?: string; options: Option[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')} aria-invalid={!!error}>
      <legend className="font-bold">{legend}</legend>
      <p id={hintId} className="text-sm text-muted">
        {hint}
      </p>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => (
          <label key={option.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              name={name}
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id))}
              className="size-4 accent-accent"
            />
            {option.name}
            {option.note && <span className="text-sm text-muted">{option.note}</span>}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-sm font-bold text-accent-ink">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A desk's name, sections and editors: creating one, or changing one. Submitted
 * from onSubmit rather than the form's action, so a refusal does not reset the
 * form: the admin's ticks and typing stay for them to correct.
 */
export function DeskForm<T>({ action, values, sections, editors, idPrefix }: { action: Action<T>; values: DeskValues; sections: Option[]; editors: Option[]; idPrefix: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, {});
  const [sectionIds, setSectionIds] = useState(values.sectionIds);
  const [editorIds, setEditorIds] = useState(values.editorIds);
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  const creating = !values.id;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormStatus error={state.error ?? state.fieldErrors?.id} success={state.ok ? t('desks.saved') : null} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <Field name={`${idPrefix}-name`} label={t('desks.name')} error={error('name')}>
        {(props) => <DominantInput {...props} name="name" defaultValue={values.name} maxLength={NAME_MAX} required />}
      </Field>
      <Choices name="sectionIds" legend={t('desks.sections')} hint={t('desks.sectionsHint')} error={error('sectionIds')} options={sections} chosen={sectionIds} onChange={setSectionIds} />
      <Choices name="editorIds" legend={t('desks.editors')} hint={t('desks.editorsHint')} error={error('editorIds')} options={editors} chosen={editorIds} onChange={setEditorIds} />
      <Button type="submit" disabled={pending}>
        {t(creating ? 'desks.create' : 'desks.save')}
      </Button>
    </form>
  );
}
