import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { storyRevisions, users, workflowEvents } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize } from '@/lib/dal';
import { mayOpenStory } from './facts';

export type TimelineEntry =
  | { type: 'event'; id: string; at: Date; action: string; actorName: string | null; reason: string | null; fromEditorial: string | null; toEditorial: string | null; fromPublication: string | null; toPublication: string | null }
  | { type: 'revision'; id: string; at: Date; kind: string; actorName: string | null; version: number };

/** Workflow events and revisions of a story in one list, newest first: two queries, merged. */
export async function storyTimeline(actor: CurrentUser | null, storyId: string): Promise<TimelineEntry[]> {
  authorize(actor, 'stories:view');
  const db = getDb();
  if (!(await mayOpenStory(db, actor, storyId))) return [];
  const [events, revisions] = await Promise.all([
    db
      .select({ event: workflowEvents, actorName: users.displayName })
      .from(workflowEvents)
      .leftJoin(users, eq(users.id, workflowEvents.actorId))
      .where(eq(workflowEvents.storyId, storyId))
      .orderBy(desc(workflowEvents.createdAt)),
    db
      .select({ id: storyRevisions.id, at: storyRevisions.createdAt, kind: storyRevisions.kind, version: storyRevisions.storyVersion, actorName: users.displayName })
      .from(storyRevisions)
      .leftJoin(users, eq(users.id, storyRevisions.authorId))
      .where(eq(storyRevisions.storyId, storyId))
      .orderBy(desc(storyRevisions.createdAt)),
  ]);
  const entries: TimelineEntry[] = [
    ...events.map(({ event, actorName }) => ({
      type: 'event' as const,
      id: event.id,
      at: event.createdAt,
      action: event.action,
      actorName,
      reason: event.reason,
      fromEditorial: event.fromEditorial,
      toEditorial: event.toEditorial,
      fromPublication: event.fromPublication,
      toPublication: event.toPublication,
    })),
    ...revisions.map((revision) => ({ type: 'revision' as const, id: revision.id, at: revision.at, kind: revision.kind, actorName: revision.actorName, version: revision.version })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}
