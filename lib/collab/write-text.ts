import { getSchema, type JSONContent } from '@tiptap/core';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { contentExtensions } from '@/lib/content/extensions';
import type { StoryText } from './codec';
import { BODY_FIELD, TEXT_FIELDS, type TextField } from './fields';

// Writing a whole story text into a live document as the smallest change:
// the y-tiptap diff, computed the way the editor binding computes its own,
// so edits elsewhere in the text survive. A repair (repair.ts) and a restore
// (apply-text.ts) both put text back this way.

const schema = getSchema(contentExtensions);
const paragraphDoc = (text: string): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) }] });

/** A stored row's (or revision's) text, as a document holds it: a missing optional field is empty. */
export function storyTextOf(row: { [field in TextField]: string | null } & { body: JSONContent }, body: JSONContent = row.body): StoryText {
  return { ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, row[field] ?? ''])) as Record<TextField, string>), body };
}

/**
 * Makes the document hold `text`, in one transaction, and returns the update that did it. A part `text` leaves out
 * is not touched at all (a repair writes only the parts that fail the schema).
 */
export function writeStoryText(document: Y.Doc, text: Partial<StoryText>, origin?: unknown): Uint8Array {
  const before = Y.encodeStateVector(document);
  const meta = () => ({ mapping: new Map(), isOMark: new Map() });
  document.transact(() => {
    if (text.body) updateYFragment(document, document.getXmlFragment(BODY_FIELD), schema.nodeFromJSON(text.body), meta());
    for (const field of TEXT_FIELDS) {
      const value = text[field];
      if (value !== undefined) updateYFragment(document, document.getXmlFragment(field), schema.nodeFromJSON(paragraphDoc(value)), meta());
    }
  }, origin);
  return Y.encodeStateAsUpdate(document, before);
}
