'use server';

import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signOut } from '@/auth';
import type { FormState } from '@/lib/actions';
import { safeCallbackUrl } from '@/lib/auth/current-user';
import { signInSchema } from '@/lib/auth/schemas';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { preferredLocaleOf } from '@/lib/users/account';

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password'), callbackUrl: formData.get('callbackUrl') ?? undefined });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors, values };
  }
  try {
    // Credentials are checked, throttled and audited in authorize() (auth.ts → lib/auth/sign-in.ts).
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { ok: false, error: code === 'throttled' ? 'login.throttled' : 'login.invalid', values };
    }
    throw error;
  }
  const locale = await preferredLocaleOf(parsed.data.email);
  if (locale) (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 });
  redirect(safeCallbackUrl(parsed.data.callbackUrl));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login?signedOut=1' });
}
