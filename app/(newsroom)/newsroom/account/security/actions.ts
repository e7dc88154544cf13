'use server';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { formAction, runAction, type FormState } from '@/lib/actions';
import { passkeyNameField, registrationResponseSchema } from '@/lib/auth/schemas';
import { passkeyRegistrationOptions, registerPasskey, removePasskey } from '@/lib/users/passkeys';
import { confirmTotp, disableTotp, startTotp } from '@/lib/users/second-factor';
import { disableTotpSchema, emptySchema, passkeyIdSchema, totpCodeSchema } from '@/lib/users/schemas';

// One's own second factor. The DAL checks 'account:secure', the one
// capability a user held at enrolment keeps.

export const startTotpAction = formAction(emptySchema, (_input, { user }) => startTotp(user));
// The recovery codes come back in the state this once, to be shown and saved; only their hashes are stored.
export const confirmTotpAction = formAction(totpCodeSchema, (input, { user, ip }) => confirmTotp(user, input, { ip }));
export const disableTotpAction = formAction(disableTotpSchema, (input, { user, ip }) => disableTotp(user, input, { ip }));

/** Options for the browser to create a passkey for this account. */
export async function passkeyRegistrationOptionsAction(): Promise<FormState<PublicKeyCredentialCreationOptionsJSON>> {
  return runAction(({ user }) => passkeyRegistrationOptions(user), { refresh: false });
}

/** Stores the passkey the browser created, under the name given. */
export async function registerPasskeyAction(name: unknown, response: unknown): Promise<FormState> {
  const parsed = z.object({ name: passkeyNameField, response: registrationResponseSchema }).safeParse({ name, response });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.path[0] === 'name' ? parsed.error.issues[0].message : 'passkeys.failed' };
  return runAction(({ user, ip }) => registerPasskey(user, parsed.data, { ip }));
}

export const removePasskeyAction = formAction(passkeyIdSchema, (input, { user, ip }) => removePasskey(user, input, { ip }));
