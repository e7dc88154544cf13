'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/actions';
import { getRequestIp } from '@/lib/http/request-ip';
import { redeemLink } from '@/lib/users/account';
import { setPasswordSchema } from '@/lib/users/schemas';

// No session here: the one-time token is the credential, checked by the DAL.
export async function setPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = setPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors: fieldErrors.token ? undefined : fieldErrors, error: fieldErrors.token ? 'errors.linkInvalid' : undefined };
  }
  const outcome = await redeemLink(parsed.data, { ip: await getRequestIp() });
  if (!outcome.ok) return { ok: false, error: outcome.error, fieldErrors: outcome.fieldErrors };
  redirect(`/login?passwordSet=1&email=${encodeURIComponent(outcome.data.email)}`);
}
