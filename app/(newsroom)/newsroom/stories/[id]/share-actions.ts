'use server';

import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { createShareLink, revokeShareLink } from '@/lib/share/links';

const createSchema = z.object({
  storyId: z.uuid({ error: 'errors.notFound' }),
  hours: z.enum(['1', '24', '72', '168'], { error: 'errors.invalidChoice' }).transform(Number),
});
const revokeSchema = z.object({ linkId: z.uuid({ error: 'errors.notFound' }) });

// Share links to a story's working copy; only editors and admins (the DAL checks).

export const createShareLinkAction = formAction(createSchema, (input, { user }) => createShareLink(user, input));

export const revokeShareLinkAction = formAction(revokeSchema, (input, { user }) => revokeShareLink(user, input.linkId));
