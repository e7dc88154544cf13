import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/db';
import { loadSessionUser, type CurrentUser } from './actor';
import { can, ENROL_CAPABILITY, type Capability } from './permissions';

export type { CurrentUser } from './actor';

/** The signed-in user, re-read from the database once per request; null when there is none or the session was revoked. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionVersion = session?.sessionVersion;
  const sessionId = session?.sessionId;
  // A cookie from before server-side sessions names no row: it no longer holds.
  if (!userId || typeof sessionVersion !== 'number' || typeof sessionId !== 'string') return null;
  return loadSessionUser(getDb(), userId, sessionVersion, sessionId);
});

/** Only same-site staff paths are followed after sign-in; anything else goes to the dashboard. */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/newsroom') || value.startsWith('//') || value.includes('\\')) return '/newsroom';
  return value;
}

/** For pages: the current user, or a redirect to sign in that comes back here. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get('x-sahifa-path');
  redirect(`/login?callbackUrl=${encodeURIComponent(safeCallbackUrl(path))}`);
}

/** Where a user held at enrolment is sent from every other newsroom page. */
export const ENROL_PATH = '/newsroom/account/security';

/**
 * For pages: the current user if they hold the capability. Anyone else gets
 * the same answer as for a page that does not exist, everywhere; a user the
 * site requires to enrol a second factor is sent to enrolment instead.
 */
export async function requireCapability(capability: Capability): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.mustEnrol && capability !== ENROL_CAPABILITY) redirect(ENROL_PATH);
  if (!can(user, capability)) notFound();
  return user;
}
