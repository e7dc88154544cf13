import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Database } from '@/db';
import { stories } from '@/db/schema';
import { appendUpdate } from './storage';
import { storyTextOf, writeStoryText } from './write-text';

// A document that fails the schema (something the update check cannot see
// alone, such as a field of two paragraphs) is put back to the last stored
// working copy, as a new change that every client receives: the smallest
// diff (write-text.ts), so edits elsewhere in the text are kept. It is
// logged like any other update.

export async function revertToLastStored(db: Database, storyId: string, document: Y.Doc): Promise<void> {
  const [row] = await db.select().from(stories).where(eq(stories.id, storyId));
  if (!row) return;
  const update = writeStoryText(document, storyTextOf(row));
  await appendUpdate(db, storyId, update, null);
}
