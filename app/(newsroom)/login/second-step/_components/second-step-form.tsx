'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import { secondStepAction } from '../../actions';

export function SecondStepForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(secondStepAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormStatus error={state.error} />
      <Field name="code" label={t('secondStep.code')} hint={t('secondStep.codeHint')} error={state.fieldErrors?.code ? t(state.fieldErrors.code) : undefined}>
        {(props) => <Input {...props} autoComplete="one-time-code" inputMode="text" dir="ltr" required autoFocus maxLength={40} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('login.submitting') : t('secondStep.submit')}
      </Button>
    </form>
  );
}
