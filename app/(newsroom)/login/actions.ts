'use server';

import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signOut } from '@/auth';
import type { FormState } from '@/lib/actions';
import { safeCallbackUrl } from '@/lib/auth/current-user';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { authenticationResponseSchema, codeSchema, signInSchema } from '@/lib/auth/schemas';
import { SECOND_STEP_COOKIE, SECOND_STEP_TTL_MS } from '@/lib/auth/second-step';
import { codeStep, passkeyOptions, passkeyStep, passwordStep, type StepOutcome } from '@/lib/auth/sign-in-steps';
import { getEnv } from '@/lib/env';
import { getRequestIp } from '@/lib/http/request-ip';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { preferredLocaleOf } from '@/lib/users/account';

const refusal = (reason: 'invalid' | 'throttled' | 'expired', prefix: 'login' | 'secondStep') =>
  reason === 'throttled' ? 'login.throttled' : reason === 'expired' ? 'secondStep.expired' : `${prefix}.invalid`;

/** Starts the session for a grant (every step passed): Auth.js's authorize() records it. */
async function startSessionWith(grant: string, callbackUrl: string | undefined): Promise<never> {
  try {
    await signIn('credentials', { grant, redirect: false });
  } catch (error) {
    // A grant is made a moment before and never leaves the server: a refusal here is a bug, not a user error.
    if (error instanceof AuthError) throw new Error('sign-in grant refused', { cause: error });
    throw error;
  }
  (await cookies()).delete({ name: SECOND_STEP_COOKIE, path: '/login' });
  redirect(safeCallbackUrl(callbackUrl));
}

/** The password step: a session when the account has no second factor, the code step otherwise. */
export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password'), callbackUrl: formData.get('callbackUrl') ?? undefined });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors, values };
  }
  const outcome: StepOutcome = await passwordStep({ email: parsed.data.email, password: parsed.data.password, ip: await getRequestIp() });
  if (!outcome.ok) return { ok: false, error: refusal(outcome.reason, 'login'), values };
  const jar = await cookies();
  const locale = await preferredLocaleOf(parsed.data.email);
  if (locale) jar.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 });
  if ('pending' in outcome) {
    jar.set(SECOND_STEP_COOKIE, outcome.pending, { path: '/login', sameSite: 'strict', httpOnly: true, secure: getEnv().SITE_URL.startsWith('https:'), maxAge: SECOND_STEP_TTL_MS / 1000 });
    redirect(`/login/second-step?callbackUrl=${encodeURIComponent(safeCallbackUrl(parsed.data.callbackUrl))}`);
  }
  return startSessionWith(outcome.grant, parsed.data.callbackUrl);
}

/** The second step: an authenticator code or a recovery code, for the pending sign-in in this browser. */
export async function secondStepAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = codeSchema.safeParse({ code: formData.get('code'), callbackUrl: formData.get('callbackUrl') ?? undefined });
  if (!parsed.success) return { ok: false, fieldErrors: { code: parsed.error.issues[0]?.message ?? 'errors.invalid' } };
  const jar = await cookies();
  const outcome = await codeStep({ pending: jar.get(SECOND_STEP_COOKIE)?.value, code: parsed.data.code, ip: await getRequestIp() });
  if (!outcome.ok) return { ok: false, error: refusal(outcome.reason, 'secondStep') };
  if ('pending' in outcome) return { ok: false, error: 'secondStep.expired' };
  return startSessionWith(outcome.grant, parsed.data.callbackUrl);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login?signedOut=1' });
}

/** Options for a passkey sign-in; at the second step, only the pending user's passkeys are offered. */
export async function passkeyOptionsAction(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return passkeyOptions((await cookies()).get(SECOND_STEP_COOKIE)?.value);
}

/** A passkey's answer: a session when it holds (instead of the password, or as the second step). */
export async function passkeySignInAction(response: unknown, callbackUrl: unknown): Promise<FormState> {
  const parsed = authenticationResponseSchema.safeParse(response);
  if (!parsed.success) return { ok: false, error: 'passkeys.failed' };
  const jar = await cookies();
  const outcome = await passkeyStep({ pending: jar.get(SECOND_STEP_COOKIE)?.value, response: parsed.data, ip: await getRequestIp() });
  if (!outcome.ok) return { ok: false, error: outcome.reason === 'throttled' ? 'login.throttled' : 'passkeys.failed' };
  if ('pending' in outcome) return { ok: false, error: 'passkeys.failed' };
  return startSessionWith(outcome.grant, typeof callbackUrl === 'string' ? callbackUrl : undefined);
}
