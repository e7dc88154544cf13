import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '@/db';
import { stories } from '@/db/schema';
import { deriveStoryParts, type StoryText } from './codec';
import { isEmptyUpdate } from './messages';
import { appendUpdate } from './storage';
import { storyTextOf, writeStoryText } from './write-text';

// A document that fails the schema (something the update check cannot see
// alone, such as a field of two paragraphs) has the failing parts put back to
// the last stored working copy, as a new change that every client receives:
// the smallest diff (write-text.ts). Only the failing parts: the stored copy
// lags the document by up to a few seconds, and writing all of it back would
// take out every word anyone typed elsewhere since the last store, valid and
// acknowledged as it was. A field that fails only for its length is cut at its
// limit instead (`cuts`, codec.ts overLongFields). The repair is logged before
// it is applied, like any other update.

export async function repairDocument(db: Database, storyId: string, document: Y.Doc, cuts: Partial<StoryText> = {}): Promise<void> {
  const [row] = await db.select().from(stories).where(eq(stories.id, storyId));
  if (!row) return;
  const stored = storyTextOf(row);
  const { valid } = deriveStoryParts(document);
  const failing = Object.fromEntries(Object.entries({ ...stored, ...cuts }).filter(([part]) => !(part in valid)));
  // Computed on a copy and logged before the live document has it, like any acknowledged update: applied first
  // and then not logged (the database failing just then), it would live only in memory, and whatever clients
  // typed into the text it put back would refer to it and be unreadable after a restart.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
  const update = writeStoryText(copy, failing);
  copy.destroy();
  // Already put back (a repair that outlived its time limit and landed after all): nothing to log.
  if (isEmptyUpdate(update)) return;
  await appendUpdate(db, storyId, update, null);
  Y.applyUpdate(document, update);
}
