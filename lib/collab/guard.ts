import { getSchema } from '@tiptap/core';
import * as Y from 'yjs';
import { isSafeHref, MAX_DOC_BYTES } from '@/lib/content/document';
import { contentExtensions } from '@/lib/content/extensions';
import { ROOT_NAMES } from './fields';

// A first look at one incoming Yjs update, before it is written anywhere.
// A client can send any structure, so anything our editor could never
// produce is refused here, cheaply, from the update alone: foreign root
// types, node and mark names outside the shared schema, attributes no node
// has, unsafe links, embeds and sub-documents. Whole-document rules (what
// may contain what, field lengths) are checked on the derived JSON before
// it is stored (codec.ts).

/**
 * One message. A burst of typing is a few hundred bytes; but any change that leaves a valid story must fit:
 * a refused update is sent again in full by every reconnect (Yjs cannot sync a client's later edits without it),
 * so a tab that once sent one too large (one paste, or what it typed offline) could never save anything again,
 * on that device even after a reload (its IndexedDB copy holds it). A valid body is at most MAX_DOC_BYTES
 * characters of JSON, and its update at most three bytes per character (UTF-8), the structure costing less
 * than in JSON; the fields are small.
 */
export const MAX_UPDATE_BYTES = 3 * MAX_DOC_BYTES + 64 * 1024;
/** Bytes since the last compaction (its state included): a whole valid story replaced at once, twice over, well under abuse. */
export const MAX_DOCUMENT_BYTES = 4 * MAX_UPDATE_BYTES;

const schema = getSchema(contentExtensions);
const NODE_NAMES = new Set(Object.keys(schema.nodes).filter((name) => name !== 'text' && name !== 'doc'));
const MARK_NAMES = new Set(Object.keys(schema.marks));
const ATTRIBUTE_NAMES = new Set(['dir', ...Object.values(schema.nodes).flatMap((type) => Object.keys(type.spec.attrs ?? {}))]);

export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

function findItem(doc: Y.Doc | undefined, id: Y.ID): Y.Item | null {
  if (!doc || id.clock >= Y.getState(doc.store, id.client)) return null;
  const found = Y.getItem(doc.store, id);
  return found instanceof Y.Item ? found : null;
}

const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** y-tiptap names a mark that may overlap itself "name--hash". */
const markName = (key: string) => key.split('--')[0] ?? key;

function contentProblem(item: Y.Item, keyOf: (item: Y.Item) => string | null | undefined): string | null {
  const content = item.content;
  if (typeof item.parent === 'string' && !ROOT_NAMES.has(item.parent)) return `unknown field ${item.parent}`;
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlElement) return NODE_NAMES.has(type.nodeName) ? null : `unknown node ${type.nodeName}`;
    return type instanceof Y.XmlText ? null : 'unsupported shared type';
  }
  if (content instanceof Y.ContentFormat) {
    if (!MARK_NAMES.has(markName(content.key))) return `unknown mark ${content.key}`;
    const value = content.value as { href?: unknown } | null;
    if (markName(content.key) === 'link' && value !== null && !isSafeHref(value?.href)) return 'unsafe link';
    return null;
  }
  if (content instanceof Y.ContentAny) {
    // An attribute set again (a block's direction as the writer types) carries no key of its own in an update: it
    // names the attribute's previous value as its origin and takes its key from it.
    const key = keyOf(item);
    // An origin this server does not have yet: only a scalar can be an attribute's value; codec.ts sees where it lands.
    if (key === undefined) return content.arr.every(isScalar) ? null : 'list values are not part of a story';
    if (key === null) return 'list values are not part of a story';
    return ATTRIBUTE_NAMES.has(key) ? null : `unknown attribute ${key}`;
  }
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
  return 'unsupported content';
}

/**
 * Refuses an update that is too large, malformed, or carries anything outside the story schema. `doc`, the
 * document it is for, resolves what an item refers to (the attribute a new value replaces).
 */
export function inspectUpdate(update: Uint8Array, doc?: Y.Doc): UpdateVerdict {
  if (update.byteLength > MAX_UPDATE_BYTES) return { ok: false, reason: 'update too large' };
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return { ok: false, reason: 'malformed update' };
  }
  const own = new Map<string, Y.Item>();
  for (const struct of structs) if (struct instanceof Y.Item) own.set(`${struct.id.client}:${struct.id.clock}`, struct);
  /** An item's attribute name: its own, or its origin's (in this update or the document); null for a list value, undefined when unknown. */
  const keyOf = (item: Y.Item, depth = 0): string | null | undefined => {
    if (item.parentSub !== null) return item.parentSub;
    if (item.origin === null) return null;
    if (depth > 1000) return undefined;
    const origin = own.get(`${item.origin.client}:${item.origin.clock}`) ?? findItem(doc, item.origin);
    return origin ? keyOf(origin, depth + 1) : undefined;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const problem = contentProblem(struct, keyOf);
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true };
}
