'use server';

import { expireReaderTags } from '@/lib/reader/expire';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { setFrontPage } from '@/lib/front/front';
import { FRONT_TAG } from '@/lib/reader/cache-tags';

const id = z.uuid({ error: 'errors.front.notLive' });
const frontSchema = z.object({
  lead: z.union([id, z.literal('')]).transform((value) => value || null),
  // The ordered top stories, as the form sends them: ids joined by commas.
  top: z
    .string()
    .max(400)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(id)),
});

/** Saves the home page's lead and top stories; readers see the change at once. */
export const saveFrontAction = formAction(frontSchema, async (input, { user, ip }) => {
  const outcome = await setFrontPage(user, input, { ip });
  if (outcome.ok) await expireReaderTags([FRONT_TAG]);
  return outcome;
});
