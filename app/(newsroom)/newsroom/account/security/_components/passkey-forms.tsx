'use client';

import { startRegistration } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import { passkeyRegistrationOptionsAction, registerPasskeyAction, removePasskeyAction } from '../actions';

/** Names a new passkey and asks the browser to create it. */
export function AddPasskeyForm() {
  const t = useTranslations();
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  const nameRef = useRef<HTMLInputElement>(null);
  const add = () =>
    startTransition(async () => {
      const options = await passkeyRegistrationOptionsAction();
      if (!options.ok || !options.data) return setState({ ok: false, error: options.error });
      let response;
      try {
        response = await startRegistration({ optionsJSON: options.data });
      } catch {
        return setState({ ok: false, error: 'passkeys.cancelled' });
      }
      const outcome = await registerPasskeyAction(nameRef.current?.value ?? '', response);
      setState(outcome);
      if (outcome.ok && nameRef.current) nameRef.current.value = '';
    });
  return (
    <div className="space-y-3">
      <FormStatus error={state.error} success={state.ok ? t('passkeys.added') : null} />
      <Field name="passkeyName" label={t('passkeys.name')} hint={t('passkeys.nameHint')}>
        {(props) => <Input {...props} ref={nameRef} maxLength={60} className="max-w-72" />}
      </Field>
      <Button type="button" disabled={pending} onClick={add}>
        {t('passkeys.add')}
      </Button>
    </div>
  );
}

export function RemovePasskeyForm({ passkeyId, name }: { passkeyId: string; name: string }) {
  const t = useTranslations('passkeys');
  const [state, action, pending] = useActionState<FormState, FormData>(removePasskeyAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={t('removeNamed', { name })}>
        {t('remove')}
      </Button>
      <FormStatus error={state.error} />
    </form>
  );
}
