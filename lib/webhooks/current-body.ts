import { getStory } from '@/lib/api/content';
import type { Executor } from '@/db';
import { getEnv } from '@/lib/env';

// A delivery's body is fixed when its event happens, but it may be sent
// minutes later (retries back off to 18 minutes). A story's content must not
// reach a receiver once readers have lost it (taken down, retracted), nor in a
// version readers no longer see. So, at each attempt, the story of a
// `story.published` or `story.updated` delivery is read again as the content
// API shows it now: gone means the delivery is withheld; changed means the
// current version is sent (and logged) instead. The later event (a take-down,
// an update) has its own delivery. Other events carry no content.
// Not server-only: the job runner loads this outside Next.

const CARRIES_CONTENT = new Set(['story.published', 'story.updated']);

export type DeliveryPayload = { event: string; created_at: string; data: Record<string, unknown> };

export type CurrentBody = { kind: 'send'; payload: DeliveryPayload; changed: boolean } | { kind: 'withheld' };

export async function currentPayload(db: Executor, event: string, payload: DeliveryPayload): Promise<CurrentBody> {
  if (!CARRIES_CONTENT.has(event)) return { kind: 'send', payload, changed: false };
  const story = payload.data.story as { id?: unknown } | undefined;
  const now = typeof story?.id === 'string' ? await getStory(db, getEnv().SITE_URL, story.id) : null;
  if (!now) return { kind: 'withheld' };
  const fresh = { ...payload, data: { ...payload.data, story: now } };
  return { kind: 'send', payload: fresh, changed: JSON.stringify(fresh.data) !== JSON.stringify(payload.data) };
}
