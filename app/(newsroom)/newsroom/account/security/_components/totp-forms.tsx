'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import type { SecurityView } from '@/lib/users/second-factor';
import { confirmTotpAction, disableTotpAction, startTotpAction } from '../actions';

function CodeInput({ error }: { error?: string }) {
  const t = useTranslations();
  return (
    <Field name="code" label={t('secondStep.code')} hint={t('secondStep.codeHint')} error={error ? t(error) : undefined}>
      {(props) => <Input {...props} autoComplete="one-time-code" dir="ltr" required maxLength={40} className="max-w-48" />}
    </Field>
  );
}

/**
 * The authenticator-app section. It holds the confirmation's state itself, so
 * the recovery codes stay on screen after the page re-renders as enrolled.
 */
export function TotpPanel({ totp, qr }: { totp: SecurityView['totp']; qr: ReactNode }) {
  const t = useTranslations('security');
  const [confirmed, confirm, confirming] = useActionState<FormState<{ recoveryCodes: string[] }>, FormData>(confirmTotpAction, {});
  if (confirmed.ok && confirmed.data) return <RecoveryCodes codes={confirmed.data.recoveryCodes} />;
  if (totp.state === 'off')
    return (
      <>
        <p className="text-muted">{t('totpOff')}</p>
        <StartTotpForm />
      </>
    );
  if (totp.state === 'pending')
    return (
      <>
        <p>{t('scan')}</p>
        {qr}
        <p>
          {t('orType')}{' '}
          <code dir="ltr" className="rounded bg-black/5 px-2 py-1 font-mono" data-testid="totp-secret">
            {totp.secret}
          </code>
        </p>
        <ConfirmTotpForm state={confirmed} action={confirm} pending={confirming} />
      </>
    );
  return (
    <>
      <p className="font-bold text-green-900">{t('totpOn', { count: totp.recoveryLeft })}</p>
      <DisableTotpForm />
    </>
  );
}

function StartTotpForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(startTotpAction, {});
  return (
    <form action={action} className="space-y-2">
      <FormStatus error={state.error} />
      <Button type="submit" disabled={pending}>
        {t('security.start')}
      </Button>
    </form>
  );
}

function ConfirmTotpForm({ state, action, pending }: { state: FormState<{ recoveryCodes: string[] }>; action: (formData: FormData) => void; pending: boolean }) {
  const t = useTranslations();
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormStatus error={state.error} />
      <CodeInput error={state.fieldErrors?.code} />
      <Button type="submit" disabled={pending}>
        {t('security.confirm')}
      </Button>
    </form>
  );
}

/** Shown once, right after enrolment: the codes are never shown again. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('security');
  return (
    <div role="status" className="space-y-3 rounded-md border border-green-700 bg-green-50 p-4">
      <p className="font-bold text-green-900">{t('enrolled')}</p>
      <p>{t('recoveryIntro')}</p>
      <ol aria-label={t('recoveryTitle')} dir="ltr" className="grid grid-cols-2 gap-2 font-mono" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Link href="/newsroom" className="font-bold underline">
        {t('continue')}
      </Link>
    </div>
  );
}

function DisableTotpForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(disableTotpAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <h3 className="font-bold">{t('security.disableTitle')}</h3>
      <FormStatus error={state.error} />
      <Field name="password" label={t('account.current')} error={state.fieldErrors?.password ? t(state.fieldErrors.password) : undefined}>
        {(props) => <Input {...props} type="password" autoComplete="current-password" dir="ltr" required className="max-w-72" />}
      </Field>
      <CodeInput error={state.fieldErrors?.code} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t('security.disable')}
      </Button>
    </form>
  );
}
