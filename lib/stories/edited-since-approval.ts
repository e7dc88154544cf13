import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { settings, storyRevisions } from '@/db/schema';
import { withDirections } from '@/lib/content/block-direction';
import { isReaderFacingEdit, readerFacingOf } from './approval';
import { uncheckpointedContributors } from './checkpoints';

// The strict four-eyes rule's fact: who changed what readers get since the
// last approval. Every revision is a checkpoint listing its contributors
// (lib/stories/checkpoints.ts), so the revisions since the last approval,
// each compared with the one before it, name them; and whoever has typed
// into the shared document since the last checkpoint is named too, since
// the approval's own checkpoint would hold their change.

type Revision = typeof storyRevisions.$inferSelect;

const facing = (revision: Revision) => readerFacingOf({ ...revision, body: withDirections(revision.body, revision.language) });

/** The users whose revisions changed reader-facing content since the story's last approval (since it began, if it was never approved). */
export async function editorsSinceApproval(db: Executor, storyId: string): Promise<Set<string>> {
  const lastApproval = sql`coalesce((select max(${storyRevisions.createdAt}) from ${storyRevisions} where ${storyRevisions.storyId} = ${storyId} and ${storyRevisions.kind} = 'approval'), '-infinity'::timestamptz)`;
  const revisions = await db
    .select()
    .from(storyRevisions)
    .where(and(eq(storyRevisions.storyId, storyId), gte(storyRevisions.createdAt, lastApproval)))
    .orderBy(asc(storyRevisions.createdAt), asc(storyRevisions.id));
  const editors = new Set<string>();
  let previous: Revision | null = null;
  for (const revision of revisions) {
    if (revision.kind === 'approval') {
      previous = revision;
      continue;
    }
    // With no approval before it, the first revision is its author writing the story.
    const changed = previous === null || isReaderFacingEdit(facing(previous), facing(revision));
    if (changed) for (const id of revision.contributorIds) editors.add(id);
    previous = revision;
  }
  for (const id of await uncheckpointedContributors(db, storyId)) editors.add(id);
  return editors;
}

/** The site setting, read fresh (not through the reader cache): a change applies to the very next approval. */
export async function strictFourEyes(db: Executor): Promise<boolean> {
  const [row] = await db.select({ strict: settings.strictFourEyes }).from(settings).where(eq(settings.id, 1));
  return row?.strict ?? true;
}
