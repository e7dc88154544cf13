'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';
import { roles } from '@/lib/auth/permissions';
import type { SecondFactorPolicy } from '@/lib/auth/policy';
import { saveSignInPolicyAction } from '../actions';

/** Whether a second factor is mandatory, and for which roles. */
export function SignInPolicyForm({ policy }: { policy: SecondFactorPolicy }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(saveSignInPolicyAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormStatus error={state.error} success={state.ok ? t('settings.saved') : null} />
      <label className="flex items-center gap-2 font-bold">
        <input type="checkbox" name="required" value="on" defaultChecked={policy.required} className="size-4 accent-accent" />
        {t('settings.signIn.required')}
      </label>
      <fieldset className="space-y-2">
        <legend className="font-bold">{t('settings.signIn.roles')}</legend>
        {roles.map((role) => (
          <label key={role} className="flex items-center gap-2">
            <input type="checkbox" name={`role-${role}`} value="on" defaultChecked={policy.roles.includes(role)} className="size-4 accent-accent" />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t('settings.signIn.save')}
      </Button>
    </form>
  );
}
