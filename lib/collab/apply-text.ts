import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '@/db';
import { storyDocuments, storyDocumentUpdates } from '@/db/schema';
import type { StoryText } from './codec';
import { documentNameOf } from './fields';
import { isEmptyUpdate } from './messages';
import { runningCollab } from './registry';
import { appendUpdate } from './storage';
import { writeStoryText } from './write-text';

// A story's text put into its shared document as a new change (a restore):
// never a rewrite of the document, so edits made meanwhile are merged, and
// every connected client receives it. The change is logged before it is
// applied, like any acknowledged update.

/** Where the change went: into the live document (and so to every client), into the log only, or nowhere (no document yet). */
export type Applied = 'live' | 'logged' | 'no-document';

/** The update that makes a document of `state` hold `text`, computed on a copy of this module's own. */
function changeFor(state: Uint8Array, text: StoryText): Uint8Array {
  const document = new Y.Doc();
  Y.applyUpdate(document, state);
  const update = writeStoryText(document, text);
  document.destroy();
  return update;
}

export async function applyStoryText(db: Database, storyId: string, text: StoryText, userId: string | null): Promise<Applied> {
  const live = runningCollab();
  if (live) {
    // With Redis, other instances receive the change too.
    return live.change(documentNameOf(storyId), async (state) => {
      const update = changeFor(state, text);
      if (isEmptyUpdate(update)) return null;
      await appendUpdate(db, storyId, update, userId);
      return update;
    });
  }
  // No co-editing server in this process (a script, a test): the log alone, which the next load reads.
  const [stored] = await db.select({ state: storyDocuments.state }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  if (!stored) return 'no-document';
  const log = await db.select({ update: storyDocumentUpdates.update }).from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, storyId)).orderBy(asc(storyDocumentUpdates.id));
  const update = changeFor(Y.mergeUpdates([stored.state, ...log.map((row) => row.update)]), text);
  if (!isEmptyUpdate(update)) await appendUpdate(db, storyId, update, userId);
  return 'logged';
}
