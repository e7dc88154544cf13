import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { CurrentUser } from './actor';
import { passkeySignInOptions, verifyPasskeySignIn } from './passkey-sign-in';
import { pendingSecondStep, readPendingSecondStep, signInGrant, verifySecondStep } from './second-step';
import { verifyCredentials } from './sign-in';

// The steps of a sign-in as the login actions see them. Each step ends in
// one of: refused, "go to the second step" (a pending claim for its cookie),
// or a grant that the action hands to Auth.js to start the session.

export type StepOutcome = { ok: false; reason: 'invalid' | 'throttled' | 'expired' } | { ok: true; pending: string } | { ok: true; grant: string };

export async function passwordStep(input: { email: string; password: string; ip: string }): Promise<StepOutcome> {
  const result = await verifyCredentials(getDb(), input);
  if (!result.ok) return result;
  const { id: uid, sessionVersion: sv, hasSecondFactor } = result.user;
  return hasSecondFactor ? { ok: true, pending: pendingSecondStep({ uid, sv }) } : { ok: true, grant: signInGrant({ uid, sv, method: 'password' }) };
}

export async function codeStep(input: { pending: string | undefined; code: string; ip: string }): Promise<StepOutcome> {
  const pending = readPendingSecondStep(input.pending);
  if (!pending) return { ok: false, reason: 'expired' };
  const result = await verifySecondStep(getDb(), { pending, code: input.code, ip: input.ip });
  if (!result.ok) return result;
  return { ok: true, grant: signInGrant({ uid: pending.uid, sv: pending.sv, method: result.method }) };
}

/** True while a pending second step is valid: the code page shows only then. */
export function hasPendingSecondStep(token: string | undefined): boolean {
  return readPendingSecondStep(token) !== null;
}

/** After a password change ended every session: a grant to sign this browser in again, under the new session version. */
export async function grantAfterPasswordChange(actor: CurrentUser): Promise<string | null> {
  const [user] = await getDb().select({ sv: users.sessionVersion, status: users.status }).from(users).where(eq(users.id, actor.id));
  return user?.status === 'active' ? signInGrant({ uid: actor.id, sv: user.sv, method: 'password' }) : null;
}

/** Options for a passkey sign-in: this user's passkeys at the second step, any discoverable one instead of the password. */
export async function passkeyOptions(pendingToken: string | undefined) {
  return passkeySignInOptions(getDb(), readPendingSecondStep(pendingToken));
}

export async function passkeyStep(input: { pending: string | undefined; response: AuthenticationResponseJSON; ip: string }): Promise<StepOutcome> {
  const result = await verifyPasskeySignIn(getDb(), { pending: readPendingSecondStep(input.pending), response: input.response, ip: input.ip });
  if (!result.ok) return result;
  return { ok: true, grant: signInGrant({ uid: result.userId, sv: result.sessionVersion, method: 'passkey' }) };
}
