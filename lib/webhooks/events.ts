import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { publishedStories, webhookDeliveries, webhooks } from '@/db/schema';
import { getStory } from '@/lib/api/content';
import { now } from '@/lib/clock';
import type { WebhookEvent } from '@/lib/enums';
import { getEnv } from '@/lib/env';
import { enqueueDelivery } from './queue';

// Story events for webhooks, written in the transaction that makes the
// change: the delivery rows and their jobs commit with it or not at all, so
// a publish never goes unannounced and a rolled-back one is never announced.
// Not server-only: the scheduled publish runs in the job runner, outside Next.

/** What a hook receives under `data`: the story as the content API shows it, or (once readers lost it) only what they see instead. */
async function storyEventData(tx: Executor, storyId: string, event: WebhookEvent): Promise<Record<string, unknown>> {
  if (event === 'story.published' || event === 'story.updated') {
    const story = await getStory(tx, getEnv().SITE_URL, storyId);
    if (story) return { story };
  }
  const [row] = await tx.select({ state: publishedStories.state, notice: publishedStories.notice }).from(publishedStories).where(eq(publishedStories.storyId, storyId));
  // A take-down's reason is internal; a retraction's notice is public, as on the 410 page.
  return { story: { id: storyId, state: row?.state ?? 'taken_down', notice: row?.state === 'retracted' ? row.notice : null } };
}

/** Queues one delivery of this event to every active hook subscribed to it. */
export async function announceStoryEvent(tx: Executor, storyId: string, event: WebhookEvent): Promise<void> {
  const hooks = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.active, true), sql`${event} = any(${webhooks.events})`));
  if (hooks.length === 0) return;
  const data = await storyEventData(tx, storyId, event);
  const at = now();
  for (const hook of hooks) {
    const [delivery] = await tx.insert(webhookDeliveries).values({ webhookId: hook.id, event, payload: { event, created_at: at.toISOString(), data }, createdAt: at }).returning({ id: webhookDeliveries.id });
    await enqueueDelivery(tx, (delivery as { id: string }).id);
  }
}
