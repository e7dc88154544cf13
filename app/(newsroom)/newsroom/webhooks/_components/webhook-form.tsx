'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ShownOnce } from '@/components/newsroom/shown-once';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/enums';
import { NAME_MAX } from '@/lib/sections/schemas';
import { eventField, eventLabelKey, URL_MAX } from '@/lib/webhooks/schemas';
import { DominantInput } from '@/components/ui/dominant-input';

type Action<T> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;
export type WebhookValues = { id?: string; name: string; url: string; events: WebhookEvent[]; allowPrivate: boolean; active: boolean };

/** A hook's name, target, events and flags. Creating one shows its signing secret once. */
export function WebhookForm<T>({ action, values }: { action: Action<T>; values: WebhookValues }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, {});
  const creating = !values.id;
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  const text = (name: 'name' | 'url') => (creating && state.ok ? '' : (state.values?.[name] ?? values[name]));
  const checked = (name: string, fallback: boolean) => (state.values && !state.ok ? state.values[name] === 'on' : fallback);
  const created = creating && state.ok ? (state.data as { id: string; secret: string } | undefined) : undefined;
  const prefix = values.id ?? 'new';
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3" noValidate>
        <FormStatus error={state.error} success={state.ok && !creating ? t('webhooks.saved') : null} />
        {values.id && <input type="hidden" name="id" value={values.id} />}
        <Field name={`${prefix}-name`} label={t('webhooks.name')} error={error('name')}>
          {(props) => <DominantInput {...props} name="name" defaultValue={text('name')} maxLength={NAME_MAX} required />}
        </Field>
        <Field name={`${prefix}-url`} label={t('webhooks.url')} hint={t('webhooks.urlHint')} error={error('url')}>
          {(props) => <Input {...props} name="url" type="url" defaultValue={text('url')} dir="ltr" maxLength={URL_MAX} required />}
        </Field>
        <fieldset className="space-y-1" aria-describedby={error('events') ? `${prefix}-events-error` : undefined}>
          <legend className="font-bold">{t('webhooks.events')}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2">
              <input type="checkbox" name={eventField(event)} value="on" defaultChecked={checked(eventField(event), values.events.includes(event))} className="size-4 accent-accent" />
              {t(`webhooks.${eventLabelKey(event)}`)}
            </label>
          ))}
          {error('events') && (
            <p id={`${prefix}-events-error`} className="text-sm font-bold text-accent-ink">
              {error('events')}
            </p>
          )}
        </fieldset>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="allowPrivate" value="on" defaultChecked={checked('allowPrivate', values.allowPrivate)} className="mt-1 size-4 accent-accent" />
          <span>
            {t('webhooks.allowPrivate')}
            <span className="block text-sm text-muted">{t('webhooks.allowPrivateHint')}</span>
          </span>
        </label>
        {!creating && (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="active" value="on" defaultChecked={checked('active', values.active)} className="size-4 accent-accent" />
            {t('webhooks.active')}
          </label>
        )}
        <Button type="submit" disabled={pending}>
          {t(creating ? 'webhooks.create' : 'webhooks.save')}
        </Button>
      </form>
      {created && (
        <div className="space-y-2">
          <ShownOnce value={created.secret} label={t('webhooks.secretIssued')} hint={t('webhooks.secretHint')} testId="webhook-secret" />
          <Link href={`/newsroom/webhooks/${created.id}`} className="font-bold text-accent-ink underline">
            {t('webhooks.openCreated')}
          </Link>
        </div>
      )}
    </div>
  );
}
