'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input, Select } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import { locales } from '@/lib/i18n/config';
import type { AccountView } from '@/lib/users/account';
import { changePasswordAction, endOtherSessionsAction, updateProfileAction } from '../actions';
import { DominantTextarea } from '@/components/ui/dominant-input';

export function ProfileForm({ account }: { account: AccountView }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(updateProfileAction, {});
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  const value = (name: keyof AccountView) => state.values?.[name] ?? account[name] ?? '';
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus error={state.error} success={state.ok ? t('account.saved') : null} />
      <Field name="displayName" label={t('account.displayName')} error={error('displayName')}>
        {(props) => <Input {...props} required maxLength={100} defaultValue={value('displayName')} />}
      </Field>
      <Field name="locale" label={t('locale.label')} error={error('locale')}>
        {(props) => (
          <Select {...props} defaultValue={value('locale')}>
            {locales.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`locale.${locale}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="jobTitle" label={t('account.jobTitle')} error={error('jobTitle')}>
        {(props) => <Input {...props} maxLength={100} defaultValue={value('jobTitle')} />}
      </Field>
      <Field name="bio" label={t('account.bio')} hint={t('account.bioHint')} error={error('bio')}>
        {(props) => <DominantTextarea {...props} maxLength={1000} defaultValue={value('bio')} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('account.saving') : t('account.save')}
      </Button>
    </form>
  );
}

export function PasswordForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus error={state.error} success={state.ok ? t('account.passwordChanged') : null} />
      <p className="text-sm text-muted">{t('account.passwordHint')}</p>
      <Field name="currentPassword" label={t('account.current')} error={error('currentPassword')}>
        {(props) => <Input {...props} type="password" autoComplete="current-password" dir="ltr" required />}
      </Field>
      <Field name="newPassword" label={t('account.new')} hint={t('password.hint')} error={error('newPassword')}>
        {(props) => <Input {...props} type="password" autoComplete="new-password" dir="ltr" required />}
      </Field>
      <Field name="confirmPassword" label={t('account.confirm')} error={error('confirmPassword')}>
        {(props) => <Input {...props} type="password" autoComplete="new-password" dir="ltr" required />}
      </Field>
      <Button type="submit" disabled={pending}>
        {t('account.changePassword')}
      </Button>
    </form>
  );
}

export function EndOtherSessionsForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState<{ ended: number }>, FormData>(endOtherSessionsAction, {});
  return (
    <form action={action} className="mt-4 space-y-2">
      <FormStatus error={state.error} success={state.ok ? t('sessions.endedOthers', { count: state.data?.ended ?? 0 }) : null} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('sessions.endOthers')}
      </Button>
    </form>
  );
}
