import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { stories, users, workflowEvents } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize } from '@/lib/dal';
import { authorNames } from '@/lib/stories/list';
import type { EditorialState, PublicationState } from '@/lib/stories/rules';
import { queuesFor, type QueueId } from './queue-ids';
import { notArchived, queueCondition, queueOrder, type QueueContext } from './queue-sql';

// The desk: every queue a person sees, with its count and its first few
// stories. All counts come from one query over stories; each short list is
// one indexed query with bylines, assignee and send-back reason joined in SQL.

/** How many stories each queue shows on the dashboard; the rest are one link away. */
export const QUEUE_PREVIEW = 5;

export type QueueStory = {
  id: string;
  headline: string;
  editorialState: EditorialState;
  publicationState: PublicationState;
  /** Readers already have a version: this working copy is an update. */
  isUpdate: boolean;
  authorNames: string[];
  assigneeName: string | null;
  /** sent_back only: the reason of the latest send-back. */
  sendBackReason: string | null;
  updatedAt: Date;
  scheduledFor: Date | null;
  lastPublishedAt: Date | null;
  publicationChangedAt: Date | null;
};

export type DeskQueue = { id: QueueId; count: number; stories: QueueStory[] };

const assignee = alias(users, 'assignee');

// Read per row through workflow_events' (story_id, created_at) index, for the few rows shown.
const latestSendBack = sql<string | null>`(
  select ${workflowEvents.reason} from ${workflowEvents}
  where ${workflowEvents.storyId} = ${stories.id} and ${workflowEvents.action} = 'request_changes'
  order by ${workflowEvents.createdAt} desc limit 1)`;

/** One count per queue, in a single pass: count(*) filter (where …) for each. */
export async function countQueues(queues: readonly QueueId[], context: QueueContext): Promise<Record<QueueId, number>> {
  const columns = Object.fromEntries(queues.map((queue) => [queue, sql<number>`count(*) filter (where ${queueCondition(queue, context)})`.mapWith(Number)]));
  const [row] = await getDb().select(columns).from(stories).where(notArchived);
  return (row ?? {}) as Record<QueueId, number>;
}

export async function readQueue(queue: QueueId, context: QueueContext, limit: number): Promise<QueueStory[]> {
  const rows = await getDb()
    .select({
      id: stories.id,
      headline: stories.headline,
      editorialState: stories.editorialState,
      publicationState: stories.publicationState,
      publishedRevisionId: stories.publishedRevisionId,
      authorNames,
      assigneeName: assignee.displayName,
      sendBackReason: queue === 'sent_back' ? latestSendBack : sql<null>`null`,
      updatedAt: stories.updatedAt,
      scheduledFor: stories.scheduledFor,
      lastPublishedAt: stories.lastPublishedAt,
      publicationChangedAt: stories.publicationChangedAt,
    })
    .from(stories)
    .leftJoin(assignee, eq(assignee.id, stories.assignedEditorId))
    .where(and(notArchived, queueCondition(queue, context)))
    .orderBy(...queueOrder(queue))
    .limit(limit);
  return rows.map(({ publishedRevisionId, ...row }) => ({ ...row, isUpdate: publishedRevisionId !== null && row.publicationState === 'published' }));
}

/** The dashboard: the queues this person's role sees, each with its count and first stories. */
export async function deskQueues(actor: CurrentUser | null, options: { timeZone: string }): Promise<DeskQueue[]> {
  authorize(actor, 'stories:view');
  const context: QueueContext = { actor, now: now(), timeZone: options.timeZone };
  const queues = queuesFor(actor.role);
  const [counts, ...lists] = await Promise.all([countQueues(queues, context), ...queues.map((queue) => readQueue(queue, context, QUEUE_PREVIEW))]);
  return queues.map((queue, index) => ({ id: queue, count: counts[queue] ?? 0, stories: lists[index] ?? [] }));
}
