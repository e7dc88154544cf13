'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import { setPasswordAction } from '../actions';

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(setPasswordAction, {});
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <FormStatus error={state.error} />
      <Field name="password" label={t('password.new')} hint={t('password.hint')} error={error('password')}>
        {(props) => <Input {...props} type="password" autoComplete="new-password" dir="ltr" required />}
      </Field>
      <Field name="confirmPassword" label={t('password.confirm')} error={error('confirmPassword')}>
        {(props) => <Input {...props} type="password" autoComplete="new-password" dir="ltr" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {t('password.submit')}
      </Button>
    </form>
  );
}
