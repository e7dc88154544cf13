'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input, Select } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import { roles } from '@/lib/auth/permissions';
import type { IssuedLink } from '@/lib/users/admin';
import { createUserAction } from '../actions';
import { OneTimeLink } from './one-time-link';
import { DominantInput } from '@/components/ui/dominant-input';

export function CreateUserForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState<IssuedLink>, FormData>(createUserAction, {});
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  const values = state.values ?? {};
  if (state.ok && state.data) {
    return (
      <div className="space-y-4">
        <FormStatus success={t('users.created')} />
        <OneTimeLink url={state.data.url} kind={state.data.kind} expiresAt={state.data.expiresAt} />
        <Link href={`/newsroom/users/${state.data.userId}`} className="inline-block font-bold text-accent-ink underline">
          {t('users.manage')}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus error={state.error} />
      <Field name="displayName" label={t('users.displayName')} error={error('displayName')}>
        {(props) => <Input {...props} required maxLength={100} defaultValue={values.displayName} />}
      </Field>
      <Field name="email" label={t('users.email')} error={error('email')}>
        {(props) => <Input {...props} type="email" required dir="ltr" autoComplete="off" defaultValue={values.email} />}
      </Field>
      <Field name="role" label={t('users.role')} error={error('role')}>
        {(props) => (
          <Select {...props} defaultValue={values.role ?? 'writer'}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="jobTitle" label={t('users.jobTitle')} error={error('jobTitle')}>
        {(props) => <Input {...props} maxLength={100} defaultValue={values.jobTitle} />}
      </Field>
      <Field name="authorSlug" label={t('users.authorSlug')} hint={t('users.authorSlugHint')} error={error('authorSlug')}>
        {(props) => <DominantInput {...props} defaultValue={values.authorSlug} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('users.creating') : t('users.create')}
      </Button>
    </form>
  );
}
