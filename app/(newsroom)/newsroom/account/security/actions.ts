'use server';

import { formAction } from '@/lib/actions';
import { confirmTotp, disableTotp, startTotp } from '@/lib/users/second-factor';
import { disableTotpSchema, emptySchema, totpCodeSchema } from '@/lib/users/schemas';

// One's own second factor. The DAL checks 'account:secure', the one
// capability a user held at enrolment keeps.

export const startTotpAction = formAction(emptySchema, (_input, { user }) => startTotp(user));
// The recovery codes come back in the state this once, to be shown and saved; only their hashes are stored.
export const confirmTotpAction = formAction(totpCodeSchema, (input, { user, ip }) => confirmTotp(user, input, { ip }));
export const disableTotpAction = formAction(disableTotpSchema, (input, { user, ip }) => disableTotp(user, input, { ip }));
