'use server';

import { expireReaderTags } from '@/lib/reader/expire';
import { cookies } from 'next/headers';
import { signIn } from '@/auth';
import { formAction } from '@/lib/actions';
import { grantAfterPasswordChange } from '@/lib/auth/sign-in-steps';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { authorTag } from '@/lib/reader/cache-tags';
import { changePassword, updateProfile } from '@/lib/users/account';
import { endOtherSessions, endOwnSessionById } from '@/lib/users/sessions';
import { changePasswordSchema, emptySchema, profileSchema, sessionIdSchema } from '@/lib/users/schemas';

export const updateProfileAction = formAction(profileSchema, async (input, { user, ip }) => {
  const outcome = await updateProfile(user, input, { ip });
  // The public author page shows the name, job title and bio at once.
  if (outcome.ok && user?.authorSlug) await expireReaderTags([authorTag(user.authorSlug)]);
  if (outcome.ok) (await cookies()).set(LOCALE_COOKIE, input.locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 });
  return outcome;
});

export const changePasswordAction = formAction(changePasswordSchema, async (input, { user, ip }) => {
  const outcome = await changePassword(user, input, { ip });
  // The change ended every session, this one included; sign this browser in again under the new session version.
  const grant = outcome.ok && user ? await grantAfterPasswordChange(user) : null;
  if (grant) await signIn('credentials', { grant, redirect: false });
  return outcome;
});

export const endSessionAction = formAction(sessionIdSchema, (input, { user, ip }) => endOwnSessionById(user, input, { ip }));
export const endOtherSessionsAction = formAction(emptySchema, (_input, { user, ip }) => endOtherSessions(user, { ip }));
