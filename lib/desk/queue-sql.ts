import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { stories, users } from '@/db/schema';
import { can, rolesWith } from '@/lib/auth/permissions';
import { startOfDayIn } from '@/lib/time-zone';
import { RECENT_PULL_DAYS, type QueueId } from './queue-ids';
import { mine, onMyDesks, openableBy, storyDesk, userWorksDesk, type ScopeActor } from './scope-sql';

// Each queue as one SQL condition on `stories`, so the dashboard's counts,
// its short lists and the story list's `queue` filter can never disagree.

/** Who is asking, and when: "mine", "today", "the last 30 days" and "my desks" depend on it. */
export type QueueContext = { actor: ScopeActor; now: Date; timeZone: string };

const RECENT_PULL_MS = RECENT_PULL_DAYS * 24 * 3_600_000;

/**
 * Unassigned also takes in a story whose assignee can no longer review it
 * (deactivated, no longer an editor, or no longer on its desk): otherwise it would wait in nobody's queue.
 */
function withoutReviewer(): SQL {
  const reviewer = getDb()
    .select({ one: sql`1` })
    .from(users)
    .where(and(eq(users.id, stories.assignedEditorId), eq(users.status, 'active'), inArray(users.role, rolesWith('stories:review')), userWorksDesk(users, storyDesk)));
  return notExists(reviewer);
}

/** The person's own queues (drafts, send-backs) are theirs wherever the story sits; the rest are the desk's, so only their desks'. */
const OWN_QUEUES: ReadonlySet<QueueId> = new Set(['my_drafts', 'sent_back']);

/**
 * A queue as one condition: its own rule, a restricted story only for whoever
 * may open it, and, for those who review, the desk's queues only over their
 * desks. A writer works no desk: a desk-wide queue is to them a filter of the
 * story list, which shows them every story they may open.
 */
export function queueCondition(queue: QueueId, context: QueueContext): SQL {
  const deskWide = !OWN_QUEUES.has(queue) && can(context.actor, 'stories:review');
  const scope = deskWide ? and(openableBy(context.actor), onMyDesks(context.actor)) : openableBy(context.actor);
  return and(scope, queueRule(queue, context)) as SQL;
}

function queueRule(queue: QueueId, { actor, now, timeZone }: QueueContext): SQL {
  switch (queue) {
    case 'my_drafts':
      return and(eq(stories.editorialState, 'draft'), mine(actor)) as SQL;
    case 'sent_back':
      return and(eq(stories.editorialState, 'changes_requested'), mine(actor)) as SQL;
    case 'awaiting_review':
      return and(eq(stories.editorialState, 'in_review'), eq(stories.assignedEditorId, actor.id)) as SQL;
    case 'unassigned':
      return and(eq(stories.editorialState, 'in_review'), withoutReviewer()) as SQL;
    case 'ready':
      // An approved revision readers do not have yet, and that no schedule will publish by itself.
      return and(
        eq(stories.editorialState, 'approved'),
        isNotNull(stories.approvedRevisionId),
        sql`${stories.approvedRevisionId} is distinct from ${stories.publishedRevisionId}`,
        isNull(stories.scheduledFor),
      ) as SQL;
    case 'scheduled':
      return isNotNull(stories.scheduledFor);
    case 'published_today':
      return and(eq(stories.publicationState, 'published'), gte(stories.lastPublishedAt, startOfDayIn(now, timeZone))) as SQL;
    case 'taken_down':
      return and(inArray(stories.publicationState, ['taken_down', 'retracted']), gte(stories.publicationChangedAt, new Date(now.getTime() - RECENT_PULL_MS))) as SQL;
  }
}

/** Archived stories are in no queue. */
export const notArchived = isNull(stories.archivedAt);

/**
 * The order a queue is read in: review queues oldest first (first come, first
 * served), schedules by their time, the publication queues newest first.
 */
export function queueOrder(queue: QueueId): SQL[] {
  switch (queue) {
    case 'awaiting_review':
    case 'unassigned':
    case 'ready':
      return [asc(stories.updatedAt), asc(stories.id)];
    case 'scheduled':
      return [asc(stories.scheduledFor), asc(stories.id)];
    case 'published_today':
      return [desc(stories.lastPublishedAt), asc(stories.id)];
    case 'taken_down':
      return [desc(stories.publicationChangedAt), asc(stories.id)];
    default:
      return [desc(stories.updatedAt), asc(stories.id)];
  }
}

