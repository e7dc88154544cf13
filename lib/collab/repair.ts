import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '@/db';
import { stories } from '@/db/schema';
import { deriveStoryParts, overLongFields } from './codec';
import { isEmptyUpdate } from './messages';
import { appendUpdate, catchUp, loadDocumentState } from './storage';
import { storyTextOf, writeStoryText } from './write-text';

// A document that fails the schema (something the update check cannot see
// alone, such as a field of two paragraphs) has the failing parts put back to
// the last stored working copy, as a new change that every client receives:
// the smallest diff (write-text.ts). Only the failing parts: the stored copy
// lags the document by up to a few seconds, and writing all of it back would
// take out every word anyone typed elsewhere since the last store, valid and
// acknowledged as it was. A field that fails only for its length is cut at its
// limit instead (codec.ts overLongFields). The repair is logged before it is
// applied, like any other update.

export async function repairDocument(db: Database, storyId: string, document: Y.Doc): Promise<void> {
  const update = await db.transaction(async (tx) => {
    // Under the story's row lock, as a store: two instances repairing one failure at once repair it once, the later
    // one having first taken in the earlier one's repair from the log and found nothing left to put back.
    const [row] = await tx.select().from(stories).where(eq(stories.id, storyId)).for('no key update');
    if (!row) return null;
    const state = await loadDocumentState(tx, storyId);
    if (state) catchUp(document, state);
    // What fails is read now, after the waits: text typed meanwhile into a field being cut is cut with it, not undone.
    const { valid } = deriveStoryParts(document);
    const failing = Object.fromEntries(Object.entries({ ...storyTextOf(row), ...overLongFields(document) }).filter(([part]) => !(part in valid)));
    if (Object.keys(failing).length === 0) return null;
    // Computed on a copy and logged before the live document has it, like any acknowledged update: applied first
    // and then not logged (the database failing just then), it would live only in memory, and whatever clients
    // typed into the text it put back would refer to it and be unreadable after a restart.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    const change = writeStoryText(copy, failing);
    copy.destroy();
    if (isEmptyUpdate(change)) return null;
    await appendUpdate(tx, storyId, change, null);
    return change;
  });
  if (update) Y.applyUpdate(document, update);
}
