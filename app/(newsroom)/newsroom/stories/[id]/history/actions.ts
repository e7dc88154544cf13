'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { restoreRevision } from '@/lib/stories/restore';
import { restoreSchema } from '@/lib/stories/schemas';

const storyIdSchema = z.uuid();

/** Restores a revision as a new change to the shared text that everyone connected sees, then opens the editor on it. */
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const storyId = storyIdSchema.parse(formData.get('storyId'));
  const input = restoreSchema.parse({ revisionId: formData.get('revisionId') });
  const outcome = await restoreRevision(await getCurrentUser(), storyId, input);
  redirect(`/newsroom/stories/${storyId}${outcome ? '?restored=1' : ''}`);
}
