'use server';

import { expireReaderTags } from '@/lib/reader/expire';
import { cookies } from 'next/headers';
import { signIn } from '@/auth';
import { formAction } from '@/lib/actions';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { authorTag } from '@/lib/reader/cache-tags';
import { changePassword, updateProfile } from '@/lib/users/account';
import { changePasswordSchema, profileSchema } from '@/lib/users/schemas';

export const updateProfileAction = formAction(profileSchema, async (input, { user, ip }) => {
  const outcome = await updateProfile(user, input, { ip });
  // The public author page shows the name, job title and bio at once.
  if (outcome.ok && user?.authorSlug) await expireReaderTags([authorTag(user.authorSlug)]);
  if (outcome.ok) (await cookies()).set(LOCALE_COOKIE, input.locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 });
  return outcome;
});

export const changePasswordAction = formAction(changePasswordSchema, async (input, { user, ip }) => {
  const outcome = await changePassword(user, input, { ip });
  // The change ended every session, this one included; sign this browser in again with the new password.
  if (outcome.ok && user) await signIn('credentials', { email: user.email, password: input.newPassword, redirect: false });
  return outcome;
});
