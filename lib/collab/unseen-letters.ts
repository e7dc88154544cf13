import * as Y from 'yjs';
import { logger } from '@/lib/logger';
import { ClockRanges, type DeleteSet } from './clock-ranges';
import { BODY_FIELD } from './fields';

// Letters a colleague never saw, taken out with a paragraph they rewrote
// (docs/co-editing.md, "Letters a rewritten paragraph took").
//
// The editor's binding cannot change a Yjs element's kind or merge two texts,
// so making a paragraph a subheading, a quote or a list item, or joining it
// onto the one before, is written as the paragraph deleted and written again.
// Yjs deletes everything a deleted element holds, including letters typed into
// it that the person rewriting it had not received yet, and letters that reach
// it after it was deleted go the same way. Nobody chose to delete those.
//
// Only the server can tell them apart: each update's delete set names exactly
// what its sender deleted, having seen it. So the server notes every update's
// deletions before applying it (noteUpdate), and after each transaction takes
// the letters it deleted that nobody deleted knowingly (inspect). It finds where
// the rewritten paragraph's text went (the letters the rewrite created that
// read the same) and writes those letters back there, after the letter each
// followed, as a change of its own (write-back.ts). Where that text cannot be
// found (the paragraph was deleted whole), they come back as a paragraph of
// their own where it was: a deletion removes only the letters its author saw.

/** A text deleted knowingly: what its deletion took, what that transaction created, and its letters being written back. */
export type Rewrite = {
  deleted: DeleteSet;
  created: [number, number, number][];
  at: number;
  /** Its unseen letters, once planned: those that follow go after them, even before they are written. */
  planned: Set<string>;
  /** Planned letters their author deleted before they were written: not written. */
  cancelled: Set<string>;
  /** Each written letter's copy. */
  written: Map<string, Y.ID>;
  /** Where each planned letter goes: after one that is cancelled, a letter goes there instead. */
  anchors: Map<string, Anchor>;
};

/** Where a run of letters goes back: after a letter that stands where the one it followed stood, or where its block was. */
export type Anchor =
  | { kind: 'text'; position: Y.RelativePosition }
  | { kind: 'after-written'; key: string }
  | { kind: 'block'; position: Y.RelativePosition }
  | { kind: 'field'; field: string };
export type Run = { keys: string[]; text: string; anchor: Anchor };
/** Letters to write back, or copies of letters whose author has since deleted the originals, to delete. */
export type FoundLetters = { kind: 'write'; runs: Run[]; rewrite: Rewrite | undefined; fallback: Anchor } | { kind: 'delete'; copies: Y.ID[] };

type Watch = {
  /** Every deletion an update applied here (or about to be) made knowingly. */
  known: ClockRanges;
  direct: WeakSet<object>;
  relayed: Set<unknown>;
  /** New letters that came here from a person (this instance wrote them to the log). */
  fromPeople: ClockRanges;
  rewrites: Map<Y.XmlText, Rewrite>;
  /** Every planned letter's rewrite, so that a later deletion of the original reaches its copy. */
  planned: Map<string, Rewrite>;
  plannedClients: Set<number>;
  found: (letters: FoundLetters) => void;
};

/** How long a rewritten text remembers where its letters went, for letters that reach it later (an offline tab, a slow link). */
export const REWRITE_MEMORY_MS = 10 * 60_000;
const MAX_REWRITES = 2000;

const watches = new WeakMap<Y.Doc, Watch>();
export const keyOf = (client: number, clock: number) => `${client}:${clock}`;

/** Starts watching a live document: `found` is called (inside Yjs' transaction cleanup) with letters to write back. */
export function watchUnseenLetters(doc: Y.Doc, found: (letters: FoundLetters) => void): void {
  const watch: Watch = { known: new ClockRanges(), direct: new WeakSet(), relayed: new Set(), fromPeople: new ClockRanges(), rewrites: new Map(), planned: new Map(), plannedClients: new Set(), found };
  watches.set(doc, watch);
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    // Inside Yjs' cleanup of the transaction: a throw here would keep the change from being sent and stored.
    try {
      inspect(watch, doc, transaction);
    } catch (error) {
      logger.error({ err: error }, 'co-editing: could not look for letters a rewrite took unseen');
    }
  });
}

/**
 * How an update reached this instance: from a person's connection here (`direct`) or not (the relay, the log), and
 * whether it is a whole state (the sync step that opens a connection, a catch-up from the log) or a change.
 */
export type Arrival = { direct: boolean; whole: boolean };

/**
 * Notes an update's deletions before it is applied with `origin`. Transactions of origins never noted (a repair, a
 * restore, a write-back) are not inspected: what they delete unseen, they delete on purpose.
 */
export function noteUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown, arrival: Arrival): void {
  const watch = watches.get(doc);
  if (!watch) return;
  try {
    if (arrival.direct && typeof origin === 'object' && origin !== null) watch.direct.add(origin);
    else if (!arrival.direct) watch.relayed.add(origin);
    const { ds } = Y.decodeUpdate(update);
    if (arrival.whole) {
      noteLiveDeletions(watch, doc, ds);
      return;
    }
    watch.known.addDeleteSet(ds);
    deleteCopiesOf(watch, ds);
  } catch (error) {
    logger.error({ err: error }, 'co-editing: could not note what an update deletes');
  }
}

/**
 * Of a whole state (a client's, sent when its socket opens and again when it answers the server's sync; another
 * instance's; the log's), the deletions its sender can have made knowingly: of letters live here, and of letters
 * this document does not hold yet (typed and deleted on that device before it sent them). Not those of letters
 * already deleted here: a client takes in what the server sends, so its state also deletes the letters a rewrite
 * took on its screen, its own typed meanwhile included, which the server may be writing back. A state from the log
 * holds, once compacted, the letters every rewrite took, unseen or not: letters typed on this instance into a
 * paragraph rewritten on another while Redis was away are not told apart that way (docs/co-editing.md).
 */
function noteLiveDeletions(watch: Watch, doc: Y.Doc, ds: DeleteSet): void {
  ds.clients.forEach((deletions, client) => {
    const held = Y.getState(doc.store, client);
    for (const { clock, len } of deletions) if (clock + len > held) watch.known.add(client, Math.max(clock, held), clock + len);
  });
  forEachDeleted(doc, ds, (item, from, to) => {
    if (!item.deleted && isLive(item)) watch.known.add(item.id.client, from, to);
  });
}

/** Its author deleted letters of a rewritten text that were written back (or are about to be): their copies go too. */
function deleteCopiesOf(watch: Watch, ds: DeleteSet): void {
  if (watch.plannedClients.size === 0) return;
  const copies: Y.ID[] = [];
  ds.clients.forEach((deletions, client) => {
    if (!watch.plannedClients.has(client)) return;
    for (const { clock, len } of deletions) {
      for (let at = clock; at < clock + len; at++) {
        const key = keyOf(client, at);
        const rewrite = watch.planned.get(key);
        if (!rewrite) continue;
        const copy = rewrite.written.get(key);
        if (copy) copies.push(copy);
        else rewrite.cancelled.add(key);
      }
    }
  });
  if (copies.length > 0) watch.found({ kind: 'delete', copies });
}

function inspect(watch: Watch, doc: Y.Doc, transaction: Y.Transaction): void {
  const origin: unknown = transaction.origin;
  const direct = typeof origin === 'object' && origin !== null && watch.direct.has(origin);
  if (!direct && !watch.relayed.has(origin)) return;
  const created: [number, number, number][] = [];
  transaction.afterState.forEach((after, client) => {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after > before) created.push([client, before, after]);
  });
  if (direct) for (const [client, start, end] of created) watch.fromPeople.add(client, start, end);
  if (transaction.deleteSet.clients.size === 0) return;

  const victims = new Map<Y.XmlText, Set<string>>();
  // Whose job a letter is. Only the instance a rewrite came to from a person sees its true delete set: the relay sends
  // on each transaction as Yjs encodes it, with everything it deleted, so other instances see those letters as deleted
  // knowingly. That instance writes back whatever it took unseen. Letters that reach an instance only after a rewrite
  // relayed there (or a rewrite that reaches it before them, from the relay or the log) are its job if they came
  // to it from a person, and the other instances' copies of them arrive with that deletion in their delete set.
  const ours = (client: number, clock: number) => direct || watch.fromPeople.has(client, clock);
  forEachDeleted(doc, transaction.deleteSet, (item, from, to) => {
    const { content } = item;
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlText && watch.known.has(item.id.client, item.id.clock)) {
      watch.rewrites.set(content.type, { deleted: transaction.deleteSet, created, at: Date.now(), planned: new Set(), cancelled: new Set(), written: new Map(), anchors: new Map() });
      keep(content.type);
    } else if (content instanceof Y.ContentString && item.parentSub === null && item.parent instanceof Y.XmlText && item.parent._item?.deleted) {
      const { client } = item.id;
      for (let clock = from; clock < to; clock++) {
        if (watch.known.has(client, clock) || !ours(client, clock)) continue;
        (victims.get(item.parent) ?? victims.set(item.parent, new Set()).get(item.parent)!).add(keyOf(client, clock));
        watch.plannedClients.add(client);
      }
    }
  });
  forgetOldRewrites(watch);
  for (const [text, keys] of victims) {
    const rewrite = watch.rewrites.get(text);
    for (const key of keys) {
      if (!rewrite) continue;
      rewrite.planned.add(key);
      watch.planned.set(key, rewrite);
    }
    watch.found(plan(watch, doc, rewrite, text, keys));
  }
}

/** Each item of a delete set that this document holds, with the part of it [from, to) the set covers. */
function forEachDeleted(doc: Y.Doc, ds: DeleteSet, visit: (item: Y.Item, from: number, to: number) => void): void {
  ds.clients.forEach((deletions, client) => {
    const structs = doc.store.clients.get(client);
    if (!structs) return;
    const held = Y.getState(doc.store, client);
    for (const { clock, len } of deletions) {
      // A deletion of letters this document does not hold yet (a client's state names its own, sent just before).
      if (clock >= held) continue;
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index]!;
        if (struct.id.clock >= clock + len) break;
        if (struct instanceof Y.Item) visit(struct, Math.max(clock, struct.id.clock), Math.min(clock + len, struct.id.clock + struct.length));
      }
    }
  });
}

/** Keeps a deleted text, its letters and the elements around it from garbage collection, so that letters reaching it later can be placed. */
function keep(text: Y.XmlText): void {
  // As Yjs' own keepItem (not exported) does: the item and every element around it.
  for (let item = text._item; item !== null && !item.keep; item = parentItem(item)) item.keep = true;
  for (let item = text._start; item !== null; item = item.right) item.keep = true;
}

function forgetOldRewrites(watch: Watch): void {
  const before = Date.now() - REWRITE_MEMORY_MS;
  for (const [text, rewrite] of watch.rewrites) {
    if (rewrite.at >= before && watch.rewrites.size <= MAX_REWRITES) break;
    watch.rewrites.delete(text);
    for (const key of rewrite.planned) watch.planned.delete(key);
  }
}

type Letter = { id: Y.ID; char: string | null };
type After = { seen: number } | { written: string } | null;

/** Runs of unseen letters in a deleted text, each with the letter before it that has a place now. */
function plan(watch: Watch, doc: Y.Doc, rewrite: Rewrite | undefined, text: Y.XmlText, keys: Set<string>): FoundLetters {
  const seen: Letter[] = [];
  const runs: { keys: string[]; text: string; after: After }[] = [];
  let run: (typeof runs)[number] | null = null;
  let after: After = null;
  for (let item = text._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentString) && !(item.content instanceof Y.ContentDeleted)) continue;
    const chars = item.content instanceof Y.ContentString ? item.content.str : null;
    for (let offset = 0; offset < item.length; offset++) {
      const id = Y.createID(item.id.client, item.id.clock + offset);
      const key = keyOf(id.client, id.clock);
      if (keys.has(key)) {
        if (!run) runs.push((run = { keys: [], text: '', after }));
        run.keys.push(key);
        run.text += chars?.[offset] ?? '';
      } else if (rewrite?.planned.has(key)) {
        after = { written: key };
        run = null;
      } else if (rewrite && Y.isDeleted(rewrite.deleted, id) && watch.known.has(id.client, id.clock)) {
        seen.push({ id, char: chars?.[offset] ?? null });
        after = { seen: seen.length - 1 };
        run = null;
      }
    }
  }
  const fallback = blockAnchor(text);
  const landing = rewrite && seen.length > 0 ? findLanding(doc, rewrite, text, seen) : null;
  return {
    kind: 'write',
    rewrite,
    fallback,
    runs: runs.map(({ keys: runKeys, text: letters, after: before }): Run => {
      let anchor: Anchor = fallback;
      if (before && 'written' in before) anchor = { kind: 'after-written', key: before.written };
      else if (landing) {
        const target = landing[before ? before.seen : 0]!;
        anchor = { kind: 'text', position: Y.createRelativePositionFromJSON({ item: target, assoc: before ? -1 : 0 }) };
      }
      runKeys.forEach((key, at) => rewrite?.anchors.set(key, at === 0 ? anchor : { kind: 'after-written', key: runKeys[at - 1]! }));
      return { keys: runKeys, text: letters, anchor };
    }),
  };
}

/**
 * Where the rewritten text's letters went: the letters its rewrite created, in some text, that read the same (a
 * letter deleted since, whose content is gone, reads as anything). One id per letter seen; null when no place, or
 * more than one, reads the same (two paragraphs alike made a list together): then the letters come back on their own.
 */
function findLanding(doc: Y.Doc, rewrite: Rewrite, from: Y.XmlText, seen: Letter[]): Y.ID[] | null {
  const candidates = new Set<Y.XmlText>();
  for (const [client, start, end] of rewrite.created) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (let index = Y.findIndexSS(structs, start); index < structs.length && structs[index]!.id.clock < end; index++) {
      const struct = structs[index]!;
      if (struct instanceof Y.Item && struct.parent instanceof Y.XmlText && struct.parent !== from && isLive(struct.parent)) candidates.add(struct.parent);
    }
  }
  const isCreated = (id: Y.ID) => rewrite.created.some(([client, start, end]) => id.client === client && id.clock >= start && id.clock < end);
  let found: Y.ID[] | null = null;
  for (const candidate of candidates) {
    const letters: Letter[] = [];
    for (let item = candidate._start; item !== null; item = item.right) {
      if (!(item.content instanceof Y.ContentString) && !(item.content instanceof Y.ContentDeleted)) continue;
      const chars = item.content instanceof Y.ContentString && !item.deleted ? item.content.str : null;
      for (let offset = 0; offset < item.length; offset++) {
        const id = Y.createID(item.id.client, item.id.clock + offset);
        if (isCreated(id)) letters.push({ id, char: chars?.[offset] ?? null });
      }
    }
    for (let start = 0; start + seen.length <= letters.length; start++) {
      const reads = seen.every((letter, index) => letter.char === null || letters[start + index]!.char === null || letters[start + index]!.char === letter.char);
      if (!reads) continue;
      if (found) {
        logger.info('co-editing: a rewritten text reads the same in more than one place; its unseen letters come back on their own');
        return null;
      }
      found = letters.slice(start, start + seen.length).map((letter) => letter.id);
    }
  }
  return found;
}

/** Where the text's block was: before the first element after its outermost deleted ancestor, or the end of a field. */
function blockAnchor(text: Y.XmlText): Anchor {
  let top = text._item!;
  for (let up = parentItem(top); up?.deleted; up = parentItem(up)) top = up;
  // A field holds one paragraph: its letters go at its end rather than into a second paragraph it may not have.
  if (top.parent instanceof Y.AbstractType && top.parent._item === null) {
    const root = Y.findRootTypeKey(top.parent);
    if (root !== BODY_FIELD) return { kind: 'field', field: root };
  }
  return { kind: 'block', position: Y.createRelativePositionFromJSON({ item: top.id, assoc: 0 }) };
}

/** The item of the element an item is in (null at the top). */
const parentItem = (item: Y.Item): Y.Item | null => (item.parent instanceof Y.AbstractType ? item.parent._item : null);

/** Neither the item (an item, or a type's own item) nor anything around it is deleted. */
export function isLive(of: Y.Item | { _item: Y.Item | null }): boolean {
  for (let item = of instanceof Y.Item ? of : of._item; item !== null; item = parentItem(item)) if (item.deleted) return false;
  return true;
}
