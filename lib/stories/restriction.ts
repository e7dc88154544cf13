import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { stories, workflowEvents } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { worksDesk } from '@/lib/desk/scope';
import { readStoryFacts } from './facts';
import { canOpenStory, type StoryActor } from './rules';

// Restricted stories (an investigation, an embargo): only their authors,
// their desk's editors and admins may open them (canOpenStory). Marking one is
// desk bookkeeping, like assignment: no content version, a workflow event.

/** Whether this person may mark the story restricted or lift it: an editor of its desk, or an admin. */
export function canRestrict(actor: StoryActor, story: { deskId: string | null }): boolean {
  return can(actor, 'stories:restrict') && worksDesk(actor, story.deskId);
}

export async function setRestricted(actor: CurrentUser | null, storyId: string, restricted: boolean): Promise<Outcome<{ restricted: boolean }>> {
  authorize(actor, 'stories:restrict');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ restricted: stories.restricted }).from(stories).where(eq(stories.id, storyId)).for('update');
    const facts = row ? await readStoryFacts(tx, storyId) : null;
    if (!row || !facts || !canOpenStory(actor, facts)) return failure('errors.notFound');
    if (!canRestrict(actor, facts)) return failure('errors.workflow.desk');
    if (row.restricted === restricted) return success({ restricted });
    await tx.update(stories).set({ restricted }).where(eq(stories.id, storyId));
    await tx.insert(workflowEvents).values({ storyId, action: restricted ? 'restrict' : 'unrestrict', actorId: actor.id, createdAt: now() });
    return success({ restricted });
  });
}
