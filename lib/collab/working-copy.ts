import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { stories, storyRevisions, workflowEvents } from '@/db/schema';
import { now } from '@/lib/clock';
import { withDirections } from '@/lib/content/block-direction';
import { toPlainText } from '@/lib/content/document';
import { isReaderFacingEdit, readerFacingOf, type ReaderFacing } from '@/lib/stories/approval';
import type { StoryText } from './codec';

// The story's JSON working copy, derived from its Yjs document (already
// validated by codec.ts) and stored as a form save stores it, so the reader
// projection, search, checklist, preview and history read it unchanged.

const textOf = (row: Pick<typeof stories.$inferSelect, 'kicker' | 'headline' | 'subheadline' | 'standfirst' | 'body' | 'seoTitle' | 'seoDescription'>): StoryText => ({
  kicker: row.kicker,
  headline: row.headline,
  subheadline: row.subheadline,
  standfirst: row.standfirst,
  body: row.body,
  seoTitle: row.seoTitle ?? '',
  seoDescription: row.seoDescription ?? '',
});

/**
 * The approved revision with only its text replaced: reader-facing iff the text differs from what was approved.
 * Older revisions carry no computed block directions, and the document always does: compare like with like, as a form save does.
 */
function approvedWith(approved: typeof storyRevisions.$inferSelect, text: StoryText | null): ReaderFacing {
  return readerFacingOf(text ? { ...approved, ...text } : { ...approved, body: withDirections(approved.body, approved.language) });
}

export type StoreOutcome = 'unchanged' | 'stored' | 'stored-and-unapproved' | 'missing';

/**
 * Stores the text when it differs from the working copy, as a new version.
 * An approved story whose text now differs from its approved revision goes
 * back to draft, as after any reader-facing edit.
 */
export async function storeWorkingCopy(db: Executor, storyId: string, text: StoryText, actorId: string | null): Promise<StoreOutcome> {
  return db.transaction(async (tx) => {
    // NO KEY UPDATE, as lockAndFlushText (lib/stories/checkpoints.ts): the log's inserts do not wait for it.
    const [row] = await tx.select().from(stories).where(eq(stories.id, storyId)).for('no key update');
    if (!row) return 'missing';
    const current = textOf(row);
    // The text fields are reader-facing fields, so the same comparison (key order of jsonb aside) says whether anything changed.
    if (!isReaderFacingEdit(current as unknown as ReaderFacing, text as unknown as ReaderFacing)) return 'unchanged';
    const [approved] = row.editorialState === 'approved' && row.approvedRevisionId ? await tx.select().from(storyRevisions).where(eq(storyRevisions.id, row.approvedRevisionId)) : [];
    const unapproves = row.editorialState === 'approved' && (!approved || isReaderFacingEdit(approvedWith(approved, null), approvedWith(approved, text)));
    const at = now();
    await tx
      .update(stories)
      .set({
        ...text,
        seoTitle: text.seoTitle || null,
        seoDescription: text.seoDescription || null,
        plainText: toPlainText(text.body),
        version: row.version + 1,
        updatedAt: at,
        ...(unapproves ? { editorialState: 'draft' as const } : {}),
      })
      .where(eq(stories.id, storyId));
    if (!unapproves) return 'stored';
    await tx.insert(workflowEvents).values({ storyId, action: 'reader_facing_edit', fromEditorial: 'approved', toEditorial: 'draft', actorId, createdAt: at });
    return 'stored-and-unapproved';
  });
}
