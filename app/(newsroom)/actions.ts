'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { LOCALE_COOKIE, locales } from '@/lib/i18n/config';
import { setPreferredLocale } from '@/lib/users/account';

const localeSchema = z.object({ locale: z.enum(locales) });

/** Switches the staff UI language: a cookie for this browser, and the account's preference when signed in. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 });
  const user = await getCurrentUser();
  if (user) await setPreferredLocale(user, parsed.data.locale);
}
