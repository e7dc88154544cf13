import { desc, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Executor } from '@/db';
import { stories, storyDocuments, storyDocumentUpdates, storyRevisions, type BylineRef, type TagRef } from '@/db/schema';
import { deriveStoryText } from '@/lib/collab/codec';
import { compactDocument } from '@/lib/collab/storage';
import { storeWorkingCopy, type StoreOutcome } from '@/lib/collab/working-copy';
import { isReaderFacingEdit, readerFacingOf } from './approval';
import type { ContentRow } from './content-row';
import { insertRevision, readBylines, readTags } from './revisions';

// Checkpoints: a revision is a snapshot of the whole story (text and
// placement), taken at a workflow step, on Ctrl+S, when someone goes idle
// after typing, and at most every few minutes while anyone types. Not
// server-only: the co-editing server takes them too. Every function here runs
// inside the caller's transaction, which has locked the story's row first
// (lock order: stories, then story_documents, as everywhere).

type RevisionKind = (typeof storyRevisions.$inferInsert)['kind'];

/** A flush's outcome, and what the stored document then held (none without a document): its state, and its state vector. */
export type Flushed = { outcome: StoreOutcome | 'no-document' | 'invalid'; state: Uint8Array | null; stateVector: Uint8Array | null };

/**
 * Brings the working copy up to the shared document as stored (snapshot plus
 * log, so what every instance acknowledged, not one instance's memory), the
 * way the co-editing server's debounced store does. A story never opened
 * together has no document: its working copy is already the truth.
 */
export async function flushDocument(tx: Executor, storyId: string, actorId: string | null): Promise<Flushed> {
  await compactDocument(tx, storyId);
  const [document] = await tx.select({ state: storyDocuments.state }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  if (!document) return { outcome: 'no-document', state: null, stateVector: null };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, document.state);
  const derived = deriveStoryText(doc);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  // A document that fails the schema is put back by the server; the working copy keeps the last valid text.
  const outcome = derived.ok ? await storeWorkingCopy(tx, storyId, derived.text, actorId) : 'invalid';
  return { outcome, state: document.state, stateVector };
}

/**
 * Who has changed the text without being in a checkpoint yet: those folded
 * in at compaction plus the writers of log rows not compacted yet. Read
 * without taking them, for the four-eyes rule.
 */
export async function uncheckpointedContributors(tx: Executor, storyId: string): Promise<string[]> {
  const [document] = await tx.select({ ids: storyDocuments.contributorIds }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  if (!document) return [];
  const logged = await tx.selectDistinct({ id: storyDocumentUpdates.userId }).from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, storyId));
  return [...new Set([...document.ids, ...logged.map((row) => row.id).filter((id): id is string => id !== null)])];
}

export type CheckpointInput = {
  storyId: string;
  kind: RevisionKind;
  /** Who took it (the Ctrl+S, the workflow step, the idle person); null for the periodic one. */
  actorId: string | null;
  /** People who changed the story outside the shared document, such as a form save's or a restore's author. */
  contributors?: string[];
  /** Written even when nothing changed since the last revision: an approval pins one, a restore records the act. */
  force?: boolean;
  /**
   * A save through the form, which has just written the working copy under its row lock and holds it: it is not read
   * again, the shared document is not flushed over it, and the document's contributors are not taken, so they stay
   * for the next checkpoint, the one holding their text.
   */
  saved?: { content: ContentRow; version: number; bylines: BylineRef[]; tags: TagRef[] };
};

/**
 * Takes a checkpoint: the document flushed into the working copy, then the
 * working copy snapshotted as a revision listing everyone who contributed
 * since the previous one, whose list is then emptied, in this one
 * transaction: nobody is lost between two checkpoints or counted in both.
 * Nothing is written when nothing changed since the last revision (unless
 * forced); the contributors then wait for the next one.
 */
export async function takeCheckpoint(tx: Executor, input: CheckpointInput): Promise<string | null> {
  const { storyId } = input;
  const current = input.saved ?? (await readFlushed(tx, storyId, input.actorId));
  if (!current) return null;
  const [previous] = await tx.select().from(storyRevisions).where(eq(storyRevisions.storyId, storyId)).orderBy(desc(storyRevisions.createdAt), desc(storyRevisions.id)).limit(1);
  const fromDocument = input.saved ? [] : await documentContributors(tx, storyId);
  const unchanged = previous && !isReaderFacingEdit(readerFacingOf(previous), readerFacingOf({ ...current.content, bylines: current.bylines, tags: current.tags }));
  if (unchanged && !input.force) return null;
  // Emptied only with a revision written, in this transaction: taken once, never lost.
  if (fromDocument.length > 0) await tx.update(storyDocuments).set({ contributorIds: sql`'{}'::uuid[]` }).where(eq(storyDocuments.storyId, storyId));
  const contributors = [...new Set([...fromDocument, ...(input.contributors ?? [])])];
  return insertRevision(tx, { storyId, kind: input.kind, authorId: input.actorId, storyVersion: current.version, content: current.content, bylines: current.bylines, tags: current.tags, contributorIds: contributors });
}

/**
 * Locks the story's row, brings it up to its shared document and reads it; null when there is no such story. A
 * workflow step starts here: what has been typed and acknowledged is what it is decided on (it may send an approved
 * copy back to draft, or make an approver's version stale).
 */
export async function lockAndFlush(tx: Executor, storyId: string, actorId: string | null): Promise<typeof stories.$inferSelect | null> {
  if (!(await lockAndFlushText(tx, storyId, actorId))) return null;
  const [story] = await tx.select().from(stories).where(eq(stories.id, storyId));
  return story ?? null;
}

/**
 * Locks the story's row and brings it up to its shared document; null when there is no such story. The co-editing
 * server's debounced store is this too: two instances storing at once store in turn, and the later one with
 * everything the earlier had, so the working copy never goes back to an instance's partial view.
 */
export async function lockAndFlushText(tx: Executor, storyId: string, actorId: string | null): Promise<Flushed | null> {
  // NO KEY UPDATE: exclusive among writers of the story, but no wait for the co-editing log's inserts, whose foreign
  // key takes a KEY SHARE lock on this row: keystrokes go on being acknowledged while the text is derived and stored.
  const [locked] = await tx.select({ id: stories.id }).from(stories).where(eq(stories.id, storyId)).for('no key update');
  if (!locked) return null;
  // Compacts first: the log rows folded are the text a checkpoint holds, and their writers are now in
  // contributor_ids. Rows appended meanwhile stay in the log, for the next compaction and the next checkpoint.
  // The compaction's row lock on the document is held to the end of this transaction.
  return flushDocument(tx, storyId, actorId);
}

/** The story locked, flushed, and read whole with its bylines and tags. */
async function readFlushed(tx: Executor, storyId: string, actorId: string | null) {
  const story = await lockAndFlush(tx, storyId, actorId);
  if (!story) return null;
  const [bylines, tags] = await Promise.all([readBylines(tx, storyId), readTags(tx, storyId)]);
  return { content: story, version: story.version, bylines, tags };
}

/** The document's contributors since the last checkpoint, its row locked (already, by the compaction) until commit. */
async function documentContributors(tx: Executor, storyId: string): Promise<string[]> {
  const [document] = await tx.select({ ids: storyDocuments.contributorIds }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId)).for('update');
  return document?.ids ?? [];
}
