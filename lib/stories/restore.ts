import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { authors, stories, storyAuthors, storyRevisions, storyTags, workflowEvents } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { applyStoryText, type Applied } from '@/lib/collab/apply-text';
import { storyTextOf } from '@/lib/collab/write-text';
import { now } from '@/lib/clock';
import { figureMediaIds } from '@/lib/content/figure';
import { toPlainText } from '@/lib/content/document';
import { authorize } from '@/lib/dal';
import { takeCheckpoint } from './checkpoints';
import { pickContent } from './content-row';
import { readBylines, readTags, withoutMissingFigures } from './revisions';
import { changesWhatReadersGet, libraryImages, slugProblem } from './save';
import { lockForEdit } from './working-copy';

// Restoring a revision: its text goes into the shared document as a new
// change that everyone connected receives (lib/collab/apply-text.ts), its
// placement into the working copy, and a new revision (kind restore) records
// it. History is never rewritten; edits made meanwhile are merged, not lost.

export type RestoreOutcome = { status: 'restored'; revisionId: string | null; applied: Applied };

export async function restoreRevision(actor: CurrentUser | null, storyId: string, input: { revisionId: string }): Promise<RestoreOutcome | null> {
  authorize(actor, 'stories:view');
  const db = getDb();
  // Who may edit it, and the revision as it can be restored today; no lock is held while the document changes,
  // since the co-editing server stores the document's text in a transaction of its own.
  const prepared = await db.transaction(async (tx) => {
    if (!(await lockForEdit(tx, actor, storyId))) return null;
    const [revision] = await tx.select().from(storyRevisions).where(and(eq(storyRevisions.id, input.revisionId), eq(storyRevisions.storyId, storyId)));
    if (!revision) return null;
    // Images may have left the library since: their figures go, rather than pointing at nothing.
    return { revision, body: withoutMissingFigures(revision.body, await libraryImages(tx, figureMediaIds(revision.body))) };
  });
  if (!prepared) return null;
  const { revision, body } = prepared;
  const applied = await applyStoryText(db, storyId, storyTextOf(revision, body), actor.id);

  return db.transaction(async (tx) => {
    const locked = await lockForEdit(tx, actor, storyId);
    if (!locked) return null;
    const { story } = locked;
    // The old slug may have gone to another story since; keep the current one then.
    const slug = revision.slug && revision.slug !== (story.slug ?? '') && (await slugProblem(tx, storyId, revision.slug)) ? story.slug || null : revision.slug;
    // The lead image may have left the library too; the story then has no lead image rather than a dangling one.
    const leadImageId = revision.leadImageId && (await libraryImages(tx, [revision.leadImageId])).size > 0 ? revision.leadImageId : null;
    const liveAuthors = await tx.select({ id: authors.id }).from(authors).where(inArray(authors.id, revision.bylines.map((b) => b.id).concat('00000000-0000-0000-0000-000000000000')));
    const keep = new Set(liveAuthors.map((a) => a.id));
    await tx.delete(storyAuthors).where(eq(storyAuthors.storyId, storyId));
    const bylines = revision.bylines.filter((b) => keep.has(b.id));
    if (bylines.length > 0) await tx.insert(storyAuthors).values(bylines.map((b, position) => ({ storyId, authorId: b.id, position })));
    await tx.delete(storyTags).where(eq(storyTags.storyId, storyId));
    if (revision.tags.length > 0) await tx.insert(storyTags).values(revision.tags.map((tag, position) => ({ storyId, tagId: tag.id, position }))).onConflictDoNothing();
    const content = { ...pickContent(revision), body, plainText: toPlainText(body), slug, leadImageId };
    // An approval covers exactly what it pinned: a restore that changes what readers get sends the copy back to draft.
    const resetsApproval =
      story.editorialState === 'approved' && (await changesWhatReadersGet(tx, story.approvedRevisionId, { ...content, bylines: await readBylines(tx, storyId), tags: await readTags(tx, storyId) }));
    const at = now();
    await tx
      .update(stories)
      .set({ ...content, ...(resetsApproval ? { editorialState: 'draft' as const } : {}), version: story.version + 1, updatedAt: at })
      .where(eq(stories.id, storyId));
    if (resetsApproval) await tx.insert(workflowEvents).values({ storyId, action: 'reader_facing_edit', fromEditorial: 'approved', toEditorial: 'draft', actorId: actor.id, createdAt: at });
    // The document, which now holds the restored text (with anything typed meanwhile), is flushed over the text columns.
    const revisionId = await takeCheckpoint(tx, { storyId, kind: 'restore', actorId: actor.id, contributors: [actor.id], force: true });
    return { status: 'restored' as const, revisionId, applied };
  });
}
