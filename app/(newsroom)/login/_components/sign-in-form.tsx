'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import { signInAction } from '../actions';

export function SignInForm({ callbackUrl, notice, defaultEmail }: { callbackUrl: string; notice: string | null; defaultEmail?: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  const fieldError = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormStatus error={state.error} success={state.error ? null : notice} />
      <Field name="email" label={t('login.email')} error={fieldError('email')}>
        {(props) => <Input {...props} type="email" autoComplete="username" dir="ltr" required defaultValue={state.values?.email ?? defaultEmail} />}
      </Field>
      <Field name="password" label={t('login.password')} error={fieldError('password')}>
        {(props) => <Input {...props} type="password" autoComplete="current-password" dir="ltr" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
