'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmSubmit } from '@/components/ui/confirm-dialog';
import { FormStatus } from '@/components/ui/form-status';
import { Select } from '@/components/ui/input';
import { useToast } from '@/components/ui/toaster';
import type { FormState } from '@/lib/actions';
import { roles, type Role } from '@/lib/auth/permissions';
import type { IssuedLink } from '@/lib/users/admin';
import { changeRoleAction, issueLinkAction, resetSecondFactorAction, setStatusAction, signOutEverywhereAction } from '../actions';
import { OneTimeLink } from './one-time-link';

type Member = { id: string; displayName: string; role: Role; status: 'active' | 'deactivated'; invited: boolean };

/** Toasts a success message once per successful submission. */
function useSuccessToast(state: FormState<unknown>, message: string) {
  const toast = useToast();
  useEffect(() => {
    if (state.ok) toast(message);
  }, [state, message, toast]);
}

export function RoleForm({ member }: { member: Member }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(changeRoleAction, {});
  useSuccessToast(state, t('users.roleSaved'));
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={member.id} />
      <label htmlFor="role" className="block font-bold">
        {t('users.changeRole')}
      </label>
      <div className="flex gap-2">
        <Select id="role" name="role" defaultValue={member.role} className="max-w-48">
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('users.saveRole')}
        </Button>
      </div>
      <FormStatus error={state.error ?? state.fieldErrors?.role} />
    </form>
  );
}

export function StatusForm({ member }: { member: Member }) {
  const t = useTranslations();
  const [state, action] = useActionState<FormState, FormData>(setStatusAction, {});
  useSuccessToast(state, t('users.statusSaved'));
  const deactivating = member.status === 'active';
  return (
    <form id="status-form" action={action} className="space-y-2">
      <input type="hidden" name="userId" value={member.id} />
      <input type="hidden" name="status" value={deactivating ? 'deactivated' : 'active'} />
      {deactivating ? (
        <ConfirmSubmit
          formId="status-form"
          trigger={t('users.deactivate')}
          title={t('users.deactivate')}
          description={t('users.confirmDeactivate', { name: member.displayName })}
          confirmLabel={t('users.confirm')}
          cancelLabel={t('users.cancel')}
        />
      ) : (
        <Button type="submit" variant="secondary">
          {t('users.reactivate')}
        </Button>
      )}
      <FormStatus error={state.error} />
    </form>
  );
}

export function AccessLinkForm({ member }: { member: Member }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState<IssuedLink>, FormData>(issueLinkAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={member.id} />
      <Button type="submit" variant="secondary" disabled={pending || member.status !== 'active'}>
        {member.invited ? t('users.issueInvite') : t('users.issueReset')}
      </Button>
      <FormStatus error={state.error} />
      {state.ok && state.data && <OneTimeLink url={state.data.url} kind={state.data.kind} expiresAt={state.data.expiresAt} />}
    </form>
  );
}

export function SignOutEverywhereForm({ member }: { member: Member }) {
  const t = useTranslations();
  const [state, action] = useActionState<FormState, FormData>(signOutEverywhereAction, {});
  useSuccessToast(state, t('users.signedOutEverywhere'));
  return (
    <form id="sign-out-form" action={action} className="space-y-2">
      <input type="hidden" name="userId" value={member.id} />
      <ConfirmSubmit
        formId="sign-out-form"
        variant="secondary"
        trigger={t('users.signOutEverywhere')}
        title={t('users.signOutEverywhere')}
        description={t('users.confirmSignOut', { name: member.displayName })}
        confirmLabel={t('users.confirm')}
        cancelLabel={t('users.cancel')}
      />
      <FormStatus error={state.error} />
    </form>
  );
}

export function ResetSecondFactorForm({ member }: { member: Member }) {
  const t = useTranslations();
  const [state, action] = useActionState<FormState, FormData>(resetSecondFactorAction, {});
  useSuccessToast(state, t('users.secondFactorReset'));
  return (
    <form id="reset-second-factor-form" action={action} className="space-y-2">
      <input type="hidden" name="userId" value={member.id} />
      <ConfirmSubmit
        formId="reset-second-factor-form"
        trigger={t('users.resetSecondFactor')}
        title={t('users.resetSecondFactor')}
        description={t('users.confirmResetSecondFactor', { name: member.displayName })}
        confirmLabel={t('users.confirm')}
        cancelLabel={t('users.cancel')}
      />
      <FormStatus error={state.error} />
    </form>
  );
}
