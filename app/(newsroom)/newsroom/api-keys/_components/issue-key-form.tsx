'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ShownOnce } from '@/components/newsroom/shown-once';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';
import type { IssuedApiKey } from '@/lib/api/keys';
import { NAME_MAX } from '@/lib/sections/schemas';
import { issueApiKeyAction } from '../actions';
import { DominantInput } from '@/components/ui/dominant-input';

/** Names a new key and shows it once; the server keeps only its hash. */
export function IssueKeyForm() {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<FormState<IssuedApiKey>, FormData>(issueApiKeyAction, {});
  const error = state.fieldErrors?.name ? t(state.fieldErrors.name) : undefined;
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3" noValidate>
        <FormStatus error={state.error} />
        <Field name="api-key-name" label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} error={error}>
          {(props) => <DominantInput {...props} name="name" defaultValue={state.ok ? '' : (state.values?.name ?? '')} maxLength={NAME_MAX} required />}
        </Field>
        <Button type="submit" disabled={pending}>
          {t('apiKeys.issue')}
        </Button>
      </form>
      {state.ok && state.data && <ShownOnce value={state.data.key} label={t('apiKeys.issued', { name: state.data.name })} hint={t('apiKeys.issuedHint')} testId="api-key" />}
    </div>
  );
}
