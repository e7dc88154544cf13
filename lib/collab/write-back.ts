import * as Y from 'yjs';
import { deriveStoryParts } from './codec';
import { BODY_FIELD, TEXT_FIELDS } from './fields';
import { isLive, type Anchor, type FoundLetters, type Rewrite, type Run } from './unseen-letters';

// The change that writes back letters a rewrite took unseen (unseen-letters.ts),
// computed on a copy of the document so that it can be logged before the live
// document has it, like any acknowledged update.

/** Elements whose children are list items, not paragraphs. */
const LISTS = new Set(['bulletList', 'orderedList']);

/** The change, or null when there is nothing to write. Remembers where each letter went, so that those following it go after it. */
export function writeBackUpdate(doc: Y.Doc, letters: FoundLetters): Uint8Array | null {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  try {
    if (letters.kind === 'delete') return changeOf(copy, () => deleteCopies(copy, letters.copies));
    const runs = letters.runs.map((run) => withoutCancelled(run, letters.rewrite)).filter((run) => run.keys.length > 0);
    if (runs.length === 0) return null;
    const placed: [string, Y.ID][] = [];
    const checked = letters.fallback.kind === 'block' && runs.some((run) => !resolve(copy, letters.rewrite, run.anchor));
    const problemsBefore = checked ? bodyProblems(copy) : 0;
    let change = changeOf(copy, () => place(copy, letters.rewrite, runs, letters.fallback, placed));
    // A paragraph of their own in a place the schema does not allow (where only a list item may stand, say): the
    // body's end instead. Only then is the body checked (it is read whole): letters going into a text change no structure.
    if (checked && bodyProblems(copy) > problemsBefore) {
      const fresh = new Y.Doc({ gc: false });
      Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
      placed.length = 0;
      change = changeOf(fresh, () => placeHomeless(fresh, null, runs, placed));
      fresh.destroy();
    }
    for (const [key, id] of placed) letters.rewrite?.written.set(key, id);
    return change;
  } finally {
    copy.destroy();
  }
}

/** How many problems the body has (the text fields' own are named by field). */
function bodyProblems(copy: Y.Doc): number {
  return deriveStoryParts(copy).problems.filter((problem) => !(TEXT_FIELDS as readonly string[]).includes(problem.path)).length;
}

function changeOf(copy: Y.Doc, write: () => void): Uint8Array | null {
  let change: Uint8Array | null = null;
  const listen = (update: Uint8Array) => (change = update);
  copy.on('update', listen);
  copy.transact(write);
  copy.off('update', listen);
  return change;
}

/** A run without the letters its author deleted before they were written back. */
function withoutCancelled(run: Run, rewrite: Rewrite | undefined): Run {
  if (!rewrite || rewrite.cancelled.size === 0) return run;
  const keep = run.keys.map((key) => !rewrite.cancelled.has(key));
  // Keys are per UTF-16 unit, as Yjs counts (an emoji is two).
  return { ...run, keys: run.keys.filter((_, at) => keep[at]), text: run.text.split('').filter((_, at) => keep[at]).join('') };
}

function place(copy: Y.Doc, rewrite: Rewrite | undefined, runs: Run[], fallback: Anchor, placed: [string, Y.ID][]): void {
  const homeless: Run[] = [];
  for (const run of runs) {
    const at = resolve(copy, rewrite, run.anchor);
    if (!at) {
      homeless.push(run);
      continue;
    }
    const clock = Y.getState(copy.store, copy.clientID);
    at.text.insert(at.index, run.text);
    run.keys.forEach((key, index) => placed.push([key, Y.createID(copy.clientID, clock + index)]));
  }
  if (homeless.length > 0) placeHomeless(copy, fallback, homeless, placed);
}

/** A text and an index in it, in the copy, for an anchor that names a place in a live text. */
function resolve(copy: Y.Doc, rewrite: Rewrite | undefined, anchor: Anchor): { text: Y.XmlText; index: number } | null {
  let position: Y.RelativePosition | null = null;
  // After a letter its author deleted before it was written: where that letter would have gone.
  for (let hops = 0; anchor.kind === 'after-written' && !rewrite?.written.has(anchor.key) && hops < 10_000; hops++) {
    const before = rewrite?.anchors.get(anchor.key);
    if (!before || !rewrite?.cancelled.has(anchor.key)) break;
    anchor = before;
  }
  if (anchor.kind === 'text') position = anchor.position;
  else if (anchor.kind === 'after-written') {
    const id = rewrite?.written.get(anchor.key);
    if (id) position = Y.createRelativePositionFromJSON({ item: id, assoc: -1 });
  }
  const at = position ? Y.createAbsolutePositionFromRelativePosition(position, copy) : null;
  if (!at || !(at.type instanceof Y.XmlText) || !isLive(at.type)) return null;
  return { text: at.type, index: at.index };
}

/**
 * Letters with no text to go into: a paragraph of their own where their block was (runs joined by a space; a list
 * item if that was in a list), the field's end, or (no place at all, or `fallback` null) the body's end.
 */
function placeHomeless(copy: Y.Doc, fallback: Anchor | null, runs: Run[], placed: [string, Y.ID][]): void {
  let text: Y.XmlText | null = null;
  let index = 0;
  if (fallback?.kind === 'field') {
    const paragraph = copy.getXmlFragment(fallback.field).get(0);
    if (paragraph instanceof Y.XmlElement) {
      const last = paragraph.get(paragraph.length - 1);
      text = last instanceof Y.XmlText ? last : null;
      if (!text) paragraph.insert(paragraph.length, [(text = new Y.XmlText())]);
      index = text.length;
    }
  } else if (fallback?.kind === 'block') {
    const at = Y.createAbsolutePositionFromRelativePosition(fallback.position, copy);
    if (at && (at.type instanceof Y.XmlFragment || at.type instanceof Y.XmlElement) && isLive(at.type)) {
      const inList = at.type instanceof Y.XmlElement && LISTS.has(at.type.nodeName);
      text = newParagraph(at.type, at.index, inList);
    }
  }
  if (!text) {
    const body = copy.getXmlFragment(BODY_FIELD);
    text = newParagraph(body, body.length, false);
  }
  const clock = Y.getState(copy.store, copy.clientID);
  text.insert(index, runs.map((run) => run.text).join(' '));
  let offset = 0;
  for (const run of runs) {
    run.keys.forEach((key, at) => placed.push([key, Y.createID(copy.clientID, clock + offset + at)]));
    offset += run.text.length + 1;
  }
}

/** An empty paragraph (in a list item, in a list) inserted at `index` of `parent`; returns its text. */
function newParagraph(parent: Y.XmlFragment | Y.XmlElement, index: number, inList: boolean): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  if (inList) {
    const item = new Y.XmlElement('listItem');
    parent.insert(index, [item]);
    item.insert(0, [paragraph]);
  } else parent.insert(index, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  return text;
}

/** Deletes, in the copy, each written letter still there. */
function deleteCopies(copy: Y.Doc, copies: Y.ID[]): void {
  for (const id of copies) {
    const at = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON({ item: id, assoc: 0 }), copy);
    const item = Y.getItem(copy.store, id);
    if (!at || item.deleted || !(at.type instanceof Y.XmlText)) continue;
    at.type.delete(at.index, 1);
  }
}
