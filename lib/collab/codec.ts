import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { contentExtensions } from '@/lib/content/extensions';
import { normalizeDoc, validateDoc, type DocumentProblem } from '@/lib/content/document';
import { BODY_FIELD, TEXT_FIELDS, textFieldsSchema, type TextField } from './fields';

// Story JSON ⇄ Yjs document, with the same conversion code the editor's
// Collaboration extension uses (@tiptap/y-tiptap), so a document the server
// builds is exactly what a browser would have built from the same JSON.

const schema = getSchema(contentExtensions);

export type StoryText = Record<TextField, string> & { body: JSONContent };

/** A new document holding a story's current text: how existing stories get their first document. */
export function storyTextToYDoc(text: StoryText): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(schema, text.body, doc.getXmlFragment(BODY_FIELD));
    for (const field of TEXT_FIELDS) writeTextField(doc.getXmlFragment(field), text[field]);
  });
  return doc;
}

function writeTextField(fragment: Y.XmlFragment, value: string) {
  const paragraph = new Y.XmlElement('paragraph');
  if (value !== '') paragraph.insert(0, [new Y.XmlText(value)]);
  fragment.insert(0, [paragraph]);
}

export type DerivedText = { ok: true; text: StoryText } | { ok: false; problems: DocumentProblem[] };

/**
 * Each part of the story (the body, each text field) derived and validated on
 * its own: `valid` holds every part that passes, `problems` what the others
 * fail. A repair (repair.ts) puts back only the failing parts, so what
 * colleagues typed in the others since the last store is kept.
 */
export function deriveStoryParts(doc: Y.Doc): { valid: Partial<StoryText>; problems: DocumentProblem[] } {
  const valid: Partial<StoryText> = {};
  const problems: DocumentProblem[] = [];
  let body: JSONContent | null = null;
  try {
    body = normalizeDoc(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD)) as JSONContent);
  } catch {
    // Structure the editor could never write (a raw value among the blocks): not a story.
    problems.push({ path: BODY_FIELD, message: 'unreadable' });
  }
  if (body) {
    // An empty fragment is an empty story, which the schema writes as one empty paragraph.
    if (!body.content || body.content.length === 0) body.content = [{ type: 'paragraph' }];
    const bodyProblems = validateDoc(body);
    if (bodyProblems.length === 0) valid.body = body;
    problems.push(...bodyProblems);
  }
  for (const field of TEXT_FIELDS) {
    const value = readTextField(doc.getXmlFragment(field));
    if (value === null) {
      problems.push({ path: field, message: 'not one plain paragraph' });
      continue;
    }
    const parsed = textFieldsSchema.shape[field].safeParse(value);
    if (parsed.success) valid[field] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ path: [field, ...issue.path].join('.'), message: issue.message });
  }
  return { valid, problems };
}

/**
 * The text fields that fail only for their length, each cut at its limit. Each editor stops at a field's limit, but
 * two people typing into one field at once can pass it together: cutting loses only what is past the limit, where
 * putting the field back to its last stored text (the repair for anything else) would take out seconds of both
 * people's typing. A field failing for anything else (structure, control characters) is not here.
 */
export function overLongFields(doc: Y.Doc): Partial<Record<TextField, string>> {
  const cuts: Partial<Record<TextField, string>> = {};
  for (const field of TEXT_FIELDS) {
    const value = readTextField(doc.getXmlFragment(field));
    const parsed = value === null ? null : textFieldsSchema.shape[field].safeParse(value);
    if (value === null || !parsed || parsed.success) continue;
    const limits = parsed.error.issues.map((issue) => (issue.code === 'too_big' ? Number(issue.maximum) : NaN));
    if (limits.some(Number.isNaN)) continue;
    let end = Math.min(...limits);
    // Not between the two halves of a character outside the Basic Multilingual Plane.
    if (/[\uD800-\uDBFF]/.test(value.charAt(end - 1))) end -= 1;
    const cut = value.slice(0, end);
    if (textFieldsSchema.shape[field].safeParse(cut).success) cuts[field] = cut;
  }
  return cuts;
}

/**
 * The story's text as stored JSON, validated exactly like a save: the body
 * against the shared schema (unknown nodes, marks, attributes, unsafe links
 * refused), each field as one unformatted paragraph within its length limit.
 */
export function deriveStoryText(doc: Y.Doc): DerivedText {
  const { valid, problems } = deriveStoryParts(doc);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, text: valid as StoryText };
}

/** The text of a field's single paragraph, or null when the fragment holds anything else. */
export function readTextField(fragment: Y.XmlFragment): string | null {
  const blocks = fragment.toArray();
  if (blocks.length === 0) return '';
  const [paragraph] = blocks;
  if (blocks.length > 1 || !(paragraph instanceof Y.XmlElement) || paragraph.nodeName !== 'paragraph' || Object.keys(paragraph.getAttributes()).some((name) => name !== 'dir')) return null;
  let text = '';
  for (const child of paragraph.toArray()) {
    if (!(child instanceof Y.XmlText)) return null;
    for (const run of child.toDelta() as { insert: unknown; attributes?: object }[]) {
      if (typeof run.insert !== 'string' || (run.attributes && Object.keys(run.attributes).length > 0)) return null;
      text += run.insert;
    }
  }
  return text;
}
