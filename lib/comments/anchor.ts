import type { JSONContent } from '@tiptap/core';
import type { TextQuoteAnchor } from '@/db/schema';

export type { TextQuoteAnchor };

// Review comments live outside the story's JSON, so a comment points at text
// the way a W3C Web Annotation TextQuoteSelector does: the quoted words, a
// little context either side, and where they were. Edits move text around;
// resolveAnchor finds the quote again in the new text or says it is gone.
// Pure and browser-safe: the editor and the server both use it.

/** Characters of context kept before and after a quote. */
export const ANCHOR_CONTEXT = 32;

/** Integer in [min, max]; NaN and other junk fall to min. */
function clamp(value: number, min: number, max: number): number {
  const n = Number.isFinite(value) ? Math.trunc(value) : min;
  return Math.min(Math.max(n, min), max);
}

/** Anchor for text[start, end); offsets are clamped into the text. */
export function createAnchor(text: string, start: number, end: number): TextQuoteAnchor {
  const s = clamp(start, 0, text.length);
  const e = clamp(end, s, text.length);
  return {
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - ANCHOR_CONTEXT), s),
    suffix: text.slice(e, e + ANCHOR_CONTEXT),
    position: s,
  };
}

type Range = { start: number; end: number };

/** Every index where needle starts, overlapping matches included. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** How many characters of `prefix`, read backwards from its end, match the text ending at `end`. */
function prefixMatch(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < end && text[end - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  return n;
}

/** How many characters of `suffix` match the text starting at `start`. */
function suffixMatch(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text[start + n] === suffix[n]) n++;
  return n;
}

/**
 * The occurrence of `exact` whose surroundings best match the anchor's
 * context. The distance penalty is kept below one character of context
 * (divided by more than any possible distance), so it only breaks ties.
 */
function bestOccurrence(text: string, exact: string, prefix: string, suffix: string, position: number): number | null {
  const starts = occurrences(text, exact);
  if (starts.length <= 1) return starts[0] ?? null;
  let best: number | null = null;
  let bestScore = -Infinity;
  for (const start of starts) {
    const context = prefixMatch(text, start, prefix) + suffixMatch(text, start + exact.length, suffix);
    const score = context - Math.abs(start - position) / (text.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  return best;
}

// Tashkeel (fathatan … sukun and the marks after it, superscript alef) and
// tatweel. Writers add and drop these freely, so a quote should survive it.
const TASHKEEL = /[\u064B-\u065F\u0670]/;
const IGNORABLE = /[\u064B-\u065F\u0670\u0640]/;

/** The string without ignorable marks, and for each kept char its index in the original. */
function loosen(text: string): { loose: string; map: number[] } {
  let loose = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (IGNORABLE.test(ch)) continue;
    loose += ch;
    map.push(i);
  }
  return { loose, map };
}

const stripMarks = (s: string) => loosen(s).loose;

/** Step b: the same search with harakat and tatweel ignored on both sides, mapped back to original offsets. */
function resolveLoose(text: string, anchor: TextQuoteAnchor, position: number): Range | null {
  const exact = stripMarks(anchor.exact);
  if (exact === '') return null;
  const { loose, map } = loosen(text);
  // The anchor's position in loose coordinates: kept characters before it.
  let loosePosition = 0;
  while (loosePosition < map.length && (map[loosePosition] ?? 0) < position) loosePosition++;
  const at = bestOccurrence(loose, exact, stripMarks(anchor.prefix), stripMarks(anchor.suffix), loosePosition);
  if (at === null) return null;
  const start = map[at];
  const last = map[at + exact.length - 1];
  if (start === undefined || last === undefined) return null;
  // Harakat belong to the letter before them: keep the last letter's marks in the range.
  let end = last + 1;
  while (end < text.length && TASHKEEL.test(text[end] ?? '')) end++;
  return { start, end };
}

/**
 * Step c: the quote itself was edited (say, a word inserted in it), but its
 * context survived. Take what now lies between the prefix and the suffix,
 * nearest the old position, if that gap is plausibly the edited quote.
 */
function resolveByContext(text: string, anchor: TextQuoteAnchor, position: number): Range | null {
  const { prefix, suffix, exact } = anchor;
  if (prefix === '' || suffix === '') return null;
  const suffixStarts = occurrences(text, suffix);
  const maxGap = 2 * exact.length + 64;
  let best: Range | null = null;
  let bestDistance = Infinity;
  for (const p of occurrences(text, prefix)) {
    const start = p + prefix.length;
    // First suffix at or after the prefix end (binary search: suffixStarts is sorted).
    let lo = 0;
    let hi = suffixStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((suffixStarts[mid] ?? 0) < start) lo = mid + 1;
      else hi = mid;
    }
    const end = suffixStarts[lo];
    if (end === undefined) continue;
    const gap = end - start;
    const distance = Math.abs(start - position);
    if (gap > 0 && gap <= maxGap && distance < bestDistance) {
      best = { start, end };
      bestDistance = distance;
    }
  }
  return best;
}

/** True when the value has the anchor's shape; stored JSON is not trusted to. */
function isAnchor(value: unknown): value is TextQuoteAnchor {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return typeof a.exact === 'string' && typeof a.prefix === 'string' && typeof a.suffix === 'string' && typeof a.position === 'number';
}

/**
 * Where the anchored quote is in `text` now, or null when it is detached.
 * Order: exact match (best context, then nearest), the same ignoring harakat
 * and tatweel, then the span between surviving prefix and suffix.
 */
export function resolveAnchor(text: string, anchor: TextQuoteAnchor): Range | null {
  if (typeof text !== 'string' || !isAnchor(anchor) || anchor.exact === '') return null;
  const position = clamp(anchor.position, 0, text.length);
  const at = bestOccurrence(text, anchor.exact, anchor.prefix, anchor.suffix, position);
  if (at !== null) return { start: at, end: at + anchor.exact.length };
  return resolveLoose(text, anchor, position) ?? resolveByContext(text, anchor, position);
}

/** True when the quote occurs verbatim in the text: the server refuses a comment on words the story does not have. */
export function validAnchorIn(text: string, anchor: TextQuoteAnchor): boolean {
  return typeof text === 'string' && isAnchor(anchor) && anchor.exact !== '' && text.includes(anchor.exact);
}

function isInline(node: JSONContent): boolean {
  return node.type === 'text' || typeof node.text === 'string' || node.type === 'hardBreak';
}

function inlineText(node: JSONContent): string {
  if (node.type === 'hardBreak') return '\n';
  return typeof node.text === 'string' ? node.text : '';
}

function collectBlocks(node: JSONContent, out: string[]): void {
  const content = Array.isArray(node?.content) ? node.content : null;
  if (!content) return;
  if (content.some((child) => child && isInline(child))) {
    const text = content.map((child) => (child ? inlineText(child) : '')).join('');
    // Empty textblocks are left out, so an empty paragraph added or removed does not shift offsets.
    if (text !== '') out.push(text);
    return;
  }
  for (const child of content) if (child) collectBlocks(child, out);
}

/**
 * The plain text anchors refer to: each textblock's text (hard breaks as
 * '\n', other inline atoms as nothing), textblocks joined by one '\n', empty
 * ones left out. textWithPositions in ./pm-text must produce the same string.
 */
export function docText(doc: JSONContent): string {
  const blocks: string[] = [];
  collectBlocks(doc, blocks);
  return blocks.join('\n');
}
