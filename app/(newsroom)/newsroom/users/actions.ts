'use server';

import { formAction } from '@/lib/actions';
import { changeRole, createUser, issueAccessLink, setStatus, signOutEverywhere } from '@/lib/users/admin';
import { resetSecondFactor } from '@/lib/users/second-factor';
import { endUserSession } from '@/lib/users/sessions';
import { changeRoleSchema, createUserSchema, setStatusSchema, userIdSchema, userSessionSchema } from '@/lib/users/schemas';

// Each action validates its form with zod and calls the DAL, which checks
// that the session's user may manage staff. No role or id from the client is
// trusted beyond naming which user to act on.

export const createUserAction = formAction(createUserSchema, (input, { user, ip }) => createUser(user, input, { ip }));
export const changeRoleAction = formAction(changeRoleSchema, (input, { user, ip }) => changeRole(user, input, { ip }));
export const setStatusAction = formAction(setStatusSchema, (input, { user, ip }) => setStatus(user, input, { ip }));
export const issueLinkAction = formAction(userIdSchema, (input, { user, ip }) => issueAccessLink(user, input, { ip }));
export const signOutEverywhereAction = formAction(userIdSchema, (input, { user, ip }) => signOutEverywhere(user, input, { ip }));
export const endUserSessionAction = formAction(userSessionSchema, (input, { user, ip }) => endUserSession(user, input, { ip }));
// Clears the authenticator app, recovery codes and passkeys, and signs the user out everywhere (audited).
export const resetSecondFactorAction = formAction(userIdSchema, (input, { user, ip }) => resetSecondFactor(user, input, { ip }));
