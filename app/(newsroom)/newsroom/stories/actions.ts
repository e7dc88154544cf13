'use server';

import { runAction, type FormState } from '@/lib/actions';
import { createStory } from '@/lib/stories/working-copy';

/**
 * Starts a draft (bylined to its creator) and answers its id; the button
 * opens it (see NewStoryButton for why the browser, not the router). The DAL
 * refuses whoever may not create stories.
 */
export async function createStoryAction(): Promise<FormState<string>> {
  return runAction(async ({ user }) => ({ ok: true, data: await createStory(user) }), { refresh: false });
}
