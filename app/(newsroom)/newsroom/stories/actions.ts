'use server';

import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { createStory } from '@/lib/stories/working-copy';

/** Starts a draft (bylined to its creator) and opens it. The DAL refuses whoever may not create stories. */
export async function createStoryAction(): Promise<void> {
  const id = await createStory(await getCurrentUser());
  redirect(`/newsroom/stories/${id}`);
}
