import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '@/db';
import { storyDocuments, storyDocumentUpdates } from '@/db/schema';
import type { StoryText } from './codec';
import { documentNameOf } from './fields';
import { isEmptyUpdate } from './messages';
import { runningCollab } from './registry';
import { appendUpdate } from './storage';
import { textChangeFor } from './write-text';

// A story's text put into its shared document as a new change (a restore):
// never a rewrite of the document, so edits made meanwhile are merged, and
// every connected client receives it. The change is logged before it is
// applied, like any acknowledged update.

/** Where the change went: into the live document (and so to every client), into the log only, or nowhere (no document yet). */
export type Applied = 'live' | 'logged' | 'no-document';

export async function applyStoryText(db: Database, storyId: string, text: StoryText, userId: string | null): Promise<Applied> {
  const instance = runningCollab();
  if (instance) {
    // Loads the document here if no client of this process holds it; with Redis, other instances receive the change too.
    const connection = await instance.openDirectConnection(documentNameOf(storyId), { direct: true });
    try {
      const document = connection.document;
      if (!document) return 'no-document';
      const update = textChangeFor(document, text);
      if (isEmptyUpdate(update)) return 'live';
      await appendUpdate(db, storyId, update, userId);
      await connection.transact((live) => Y.applyUpdate(live, update));
      return 'live';
    } finally {
      await connection.disconnect();
    }
  }
  // No co-editing server in this process (a script, a test): the log alone, which the next load reads.
  const [stored] = await db.select({ state: storyDocuments.state }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  if (!stored) return 'no-document';
  const log = await db.select({ update: storyDocumentUpdates.update }).from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, storyId)).orderBy(asc(storyDocumentUpdates.id));
  const document = new Y.Doc();
  Y.applyUpdate(document, Y.mergeUpdates([stored.state, ...log.map((row) => row.update)]));
  const update = textChangeFor(document, text);
  document.destroy();
  if (!isEmptyUpdate(update)) await appendUpdate(db, storyId, update, userId);
  return 'logged';
}
