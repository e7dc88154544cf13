import { roleCan, type Role } from '@/lib/auth/permissions';

// The desk's queues and who sees which, as data. Pure: the dashboard, the
// story list's `queue` filter and their tests share it.

export const QUEUE_IDS = ['awaiting_review', 'unassigned', 'ready', 'sent_back', 'my_drafts', 'scheduled', 'published_today', 'taken_down'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

/**
 * The queues each role sees, in the order they read them: what is theirs to
 * act on first, then what the desk as a whole watches. Writers neither review
 * nor publish, so the review and publication queues would be empty noise.
 */
const AUTHOR_QUEUES: readonly QueueId[] = ['sent_back', 'my_drafts'];

export function queuesFor(role: Role): readonly QueueId[] {
  return roleCan(role, 'stories:review') ? QUEUE_IDS : AUTHOR_QUEUES;
}

/** Queues that ask the person for an action, most pressing first. The rest are for watching. */
const NEXT_STEP_ORDER: readonly QueueId[] = ['awaiting_review', 'sent_back', 'unassigned', 'ready', 'my_drafts'];

/** The one thing to do next: the most pressing non-empty queue this role acts on, or null when nothing waits. */
export function nextStep(role: Role, counts: Partial<Record<QueueId, number>>): { queue: QueueId; count: number } | null {
  const visible = queuesFor(role);
  for (const queue of NEXT_STEP_ORDER) {
    const count = counts[queue] ?? 0;
    if (visible.includes(queue) && count > 0) return { queue, count };
  }
  return null;
}

/** How far back "taken down or retracted" looks. */
export const RECENT_PULL_DAYS = 30;

/** Queues whose stories are working copies; a story readers already have shows in them as an update. */
export const EDITORIAL_QUEUES: ReadonlySet<QueueId> = new Set(['awaiting_review', 'unassigned', 'ready', 'sent_back', 'my_drafts', 'scheduled']);
