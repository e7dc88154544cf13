'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';
import type { ApprovalPolicy } from '@/lib/settings/approval-policy';
import { saveApprovalPolicyAction } from '../actions';

/** Strict four-eyes: whoever changed what readers get since the last approval does not approve it. */
export function ApprovalPolicyForm({ policy }: { policy: ApprovalPolicy }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(saveApprovalPolicyAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormStatus error={state.error} success={state.ok ? t('settings.saved') : null} />
      <label className="flex items-center gap-2 font-bold">
        <input type="checkbox" name="strictFourEyes" value="on" defaultChecked={policy.strictFourEyes} className="size-4 accent-accent" />
        {t('settings.approval.strict')}
      </label>
      <Button type="submit" disabled={pending}>
        {t('settings.approval.save')}
      </Button>
    </form>
  );
}
