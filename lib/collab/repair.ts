import { getSchema, type JSONContent } from '@tiptap/core';
import { updateYFragment } from '@tiptap/y-tiptap';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '@/db';
import { stories } from '@/db/schema';
import { contentExtensions } from '@/lib/content/extensions';
import { BODY_FIELD, TEXT_FIELDS } from './fields';
import { appendUpdate } from './storage';

// A document that fails the schema (something the update check cannot see
// alone, such as a field of two paragraphs) is put back to the last stored
// working copy, as a new change that every client receives: the smallest
// diff, computed the way the editor binding computes its own, so edits
// elsewhere in the text are kept. It is logged like any other update.

const schema = getSchema(contentExtensions);
const paragraphDoc = (text: string): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) }] });

export async function revertToLastStored(db: Database, storyId: string, document: Y.Doc): Promise<void> {
  const [row] = await db.select().from(stories).where(eq(stories.id, storyId));
  if (!row) return;
  const fields: Record<string, string> = { kicker: row.kicker, headline: row.headline, subheadline: row.subheadline, standfirst: row.standfirst, seoTitle: row.seoTitle ?? '', seoDescription: row.seoDescription ?? '' };
  const before = Y.encodeStateVector(document);
  const meta = () => ({ mapping: new Map(), isOMark: new Map() });
  document.transact(() => {
    updateYFragment(document, document.getXmlFragment(BODY_FIELD), schema.nodeFromJSON(row.body), meta());
    for (const field of TEXT_FIELDS) updateYFragment(document, document.getXmlFragment(field), schema.nodeFromJSON(paragraphDoc(fields[field] ?? '')), meta());
  });
  await appendUpdate(db, storyId, Y.encodeStateAsUpdate(document, before), null);
}
