'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { restoreRevision } from '@/lib/stories/save';
import { restoreSchema } from '@/lib/stories/schemas';

const storyIdSchema = z.uuid();

/** Restores a revision as a new version, then opens the editor on it. A stale base version is refused by the DAL. */
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const storyId = storyIdSchema.parse(formData.get('storyId'));
  const input = restoreSchema.parse({ revisionId: formData.get('revisionId'), baseVersion: formData.get('baseVersion') });
  const outcome = await restoreRevision(await getCurrentUser(), storyId, input);
  if (outcome?.status === 'conflict') redirect(`/newsroom/stories/${storyId}/history?stale=1`);
  redirect(`/newsroom/stories/${storyId}${outcome?.status === 'saved' ? '?restored=1' : ''}`);
}
