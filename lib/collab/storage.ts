import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { withDirections } from '@/lib/content/block-direction';
import type { Executor } from '@/db';
import { storyDocuments, storyDocumentUpdates } from '@/db/schema';
import { stories } from '@/db/schema';
import { now } from '@/lib/clock';
import { storyTextToYDoc } from './codec';
import { noteUpdate } from './unseen-letters';

// The durable side of a story's Yjs document: a snapshot plus the append-only
// log of updates since. Nothing here holds state in memory, so any instance
// can load, append and compact, and two instances doing so at once are safe.

type Pending = { row: typeof storyDocumentUpdates.$inferInsert; done: (error?: unknown) => void };

/**
 * Writes acknowledged updates, several at a time: while one INSERT is in
 * flight, the updates arriving meanwhile wait and go in the next one (group
 * commit). Each caller's promise resolves only once its own row is
 * committed, so it is still written before it is acknowledged.
 */
export function createUpdateLog(db: Executor, maxBatch = 200) {
  let queue: Pending[] = [];
  let writing = false;
  async function flush() {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await db.insert(storyDocumentUpdates).values(batch.map((pending) => pending.row));
        batch.forEach((pending) => pending.done());
      } catch (error) {
        batch.forEach((pending) => pending.done(error));
      }
    }
    writing = false;
  }
  return {
    append(storyId: string, update: Uint8Array, userId: string | null): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ row: { storyId, update: Buffer.from(update), userId }, done: (error) => (error ? reject(error) : resolve()) });
        if (!writing) void flush();
      });
    },
  };
}

/** Writes one update on its own (a server-made change such as a repair). */
export async function appendUpdate(db: Executor, storyId: string, update: Uint8Array, userId: string | null): Promise<void> {
  await db.insert(storyDocumentUpdates).values({ storyId, update: Buffer.from(update), userId });
}

/**
 * The stored document as one update (snapshot plus log), or null for a story
 * that does not exist. A story that has never been opened together gets its
 * document from the stored JSON here, once: when two instances race, the
 * first insert wins and both load that one, so no text is ever seeded twice.
 */
export async function loadDocumentState(db: Executor, storyId: string): Promise<Uint8Array | null> {
  let [row] = await db.select({ state: storyDocuments.state }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  if (!row) {
    const [story] = await db
      .select({ kicker: stories.kicker, headline: stories.headline, subheadline: stories.subheadline, standfirst: stories.standfirst, body: stories.body, seoTitle: stories.seoTitle, seoDescription: stories.seoDescription, language: stories.language })
      .from(stories)
      .where(eq(stories.id, storyId));
    if (!story) return null;
    const { language, ...text } = story;
    // Every block with its computed direction, as the editor would compute it on opening: opening is not an edit.
    const seeded = storyTextToYDoc({ ...text, body: withDirections(text.body, language), seoTitle: text.seoTitle ?? '', seoDescription: text.seoDescription ?? '' });
    await db.insert(storyDocuments).values({ storyId, state: Buffer.from(Y.encodeStateAsUpdate(seeded)) }).onConflictDoNothing();
    [row] = await db.select({ state: storyDocuments.state }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
    if (!row) return null;
  }
  // The snapshot and the log as of one moment: FOR SHARE holds off a compaction (which folds log rows into the
  // snapshot and deletes them) between the two reads, which would otherwise miss exactly the latest updates.
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ state: storyDocuments.state }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId)).for('share');
    if (!locked) return null;
    const log = await tx.select({ update: storyDocumentUpdates.update }).from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, storyId)).orderBy(asc(storyDocumentUpdates.id));
    return Y.mergeUpdates([locked.state, ...log.map((entry) => entry.update)]);
  });
}

/**
 * Applies to a live document what a stored state has that it lacks: only that (with every deletion, which a state
 * vector does not show: `diffUpdate` keeps the whole delete set), at half the cost of applying the whole state again.
 * Its clients receive it as any change.
 */
export function catchUp(document: Y.Doc, state: Uint8Array): void {
  const missing = Y.diffUpdate(state, Y.encodeStateVector(document));
  // A whole state from another instance, as far as letters a rewrite took unseen go (unseen-letters.ts).
  noteUpdate(document, missing, CAUGHT_UP, { direct: false, whole: true });
  Y.applyUpdate(document, missing, CAUGHT_UP);
}

/** The origin of what a live document takes in from the log. */
const CAUGHT_UP = { caughtUp: true };

/**
 * Folds the log into the snapshot, in one transaction, from what is stored
 * (not from any instance's memory): the rows merged are exactly the rows
 * deleted, so an update appended meanwhile stays in the log for next time.
 * The contributors of the folded rows are kept for the next checkpoint.
 */
export async function compactDocument(db: Executor, storyId: string): Promise<{ folded: number; bytes: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ state: storyDocuments.state }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId)).for('update');
    if (!row) return { folded: 0, bytes: 0 };
    const log = await tx
      .select({ id: storyDocumentUpdates.id, update: storyDocumentUpdates.update, userId: storyDocumentUpdates.userId })
      .from(storyDocumentUpdates)
      .where(eq(storyDocumentUpdates.storyId, storyId))
      .orderBy(asc(storyDocumentUpdates.id));
    if (log.length === 0) return { folded: 0, bytes: row.state.byteLength };
    // Through a Y.Doc rather than mergeUpdates alone, so deleted text is garbage-collected.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.state);
    for (const entry of log) Y.applyUpdate(doc, entry.update);
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    doc.destroy();
    const contributors = [...new Set(log.map((entry) => entry.userId).filter((id): id is string => id !== null))];
    await tx
      .update(storyDocuments)
      .set({
        state,
        compactedAt: now(),
        ...(contributors.length > 0 ? { contributorIds: sql`array(select distinct unnest(${storyDocuments.contributorIds} || array[${sql.join(contributors.map((id) => sql`${id}`), sql`, `)}]::uuid[]))` } : {}),
      })
      .where(eq(storyDocuments.storyId, storyId));
    await tx.delete(storyDocumentUpdates).where(and(eq(storyDocumentUpdates.storyId, storyId), inArray(storyDocumentUpdates.id, log.map((entry) => entry.id))));
    return { folded: log.length, bytes: state.byteLength };
  });
}
