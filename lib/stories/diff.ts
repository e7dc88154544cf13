import type { JSONContent } from '@tiptap/core';
import { diffArrays } from 'diff';
import { dominantDirection, type ContentLanguage, type Direction } from '@/lib/content/direction';

// Revision comparison. Pure: no I/O. Blocks are aligned first (a paragraph
// added, removed or changed), then changed blocks get a word-level diff.
// Words come from Intl's Arabic segmentation, diffed as token arrays: the
// library's own word rule knows only Latin letters and would diff Arabic
// letter by letter. Spaces are tokens too, so both texts rebuild exactly.
// A block whose text stayed but whose forced direction changed is a change
// too: readers see it the other way round.

export type WordChange = { value: string; added: boolean; removed: boolean };
/** `dir`: the direction the block reads in (forced, else its dominant script), so the diff shows it as readers do. */
export type BlockChange =
  | { kind: 'same'; text: string; dir: Direction }
  | { kind: 'added'; text: string; dir: Direction }
  | { kind: 'removed'; text: string; dir: Direction }
  | { kind: 'changed'; before: string; after: string; words: WordChange[]; dir: Direction; forced: { before: Direction | null; after: Direction | null } };

type Block = { text: string; forced: Direction | null };

const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });

const forcedOf = (node: JSONContent): Direction | null => (node.attrs?.dir === 'ltr' || node.attrs?.dir === 'rtl' ? node.attrs.dir : null);

/** The text of every leaf block (paragraphs, headings, list items' paragraphs), in document order. */
export function blockTexts(doc: JSONContent): string[] {
  return leafBlocks(doc).map((block) => block.text);
}

/** Leaf blocks with the direction forced on them or on a block around them. */
function leafBlocks(doc: JSONContent): Block[] {
  const out: Block[] = [];
  const inline = (node: JSONContent): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : (node.content ?? []).map(inline).join('');
  const visit = (node: JSONContent, outer: Direction | null) => {
    const children = node.content ?? [];
    const forced = forcedOf(node) ?? outer;
    const isTextBlock = node.type !== 'doc' && children.every((child) => child.type === 'text' || child.type === 'hardBreak');
    if (isTextBlock) out.push({ text: node.type === 'horizontalRule' ? '———' : inline(node), forced });
    else children.forEach((child) => visit(child, forced));
  };
  visit(doc, null);
  return out;
}

const tokens = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);

/**
 * Word changes with each stretch of edits gathered: all that was removed,
 * then all that was added. Token by token, a rewritten phrase would come out
 * as alternating one-word deletions and insertions, which nobody can read.
 * Spaces between two edits belong to the stretch, on both sides.
 */
export function diffText(before: string, after: string): WordChange[] {
  const parts = diffArrays(tokens(before), tokens(after)).map(({ value, added, removed }) => ({ value: value.join(''), added, removed }));
  const out: WordChange[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ value: removed, added: false, removed: true });
    if (added) out.push({ value: added, added: true, removed: false });
    removed = '';
    added = '';
  };
  parts.forEach((part, index) => {
    if (part.removed) removed += part.value;
    else if (part.added) added += part.value;
    else if ((removed || added) && part.value.trim() === '' && (parts[index + 1]?.added || parts[index + 1]?.removed)) {
      removed += part.value;
      added += part.value;
    } else {
      flush();
      out.push(part);
    }
  });
  flush();
  return out;
}

export function diffDocuments(before: JSONContent, after: JSONContent, language: ContentLanguage = 'ar'): BlockChange[] {
  const changes: BlockChange[] = [];
  const dirOf = (block: Block) => block.forced ?? dominantDirection(block.text, language);
  const parts = diffArrays(leafBlocks(before), leafBlocks(after), { comparator: (a, b) => a.text === b.text && a.forced === b.forced });
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A run of removed blocks followed by added ones: pair them up as edits.
      const pairs = Math.min(part.value.length, next.value.length);
      for (let j = 0; j < pairs; j++) {
        const [old, now] = [part.value[j]!, next.value[j]!];
        changes.push({ kind: 'changed', before: old.text, after: now.text, words: diffText(old.text, now.text), dir: dirOf(now), forced: { before: old.forced, after: now.forced } });
      }
      for (const block of part.value.slice(pairs)) changes.push({ kind: 'removed', text: block.text, dir: dirOf(block) });
      for (const block of next.value.slice(pairs)) changes.push({ kind: 'added', text: block.text, dir: dirOf(block) });
      i += 1;
      continue;
    }
    for (const block of part.value) changes.push({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: block.text, dir: dirOf(block) });
  }
  return changes;
}

export type FieldChange = { field: string; before: string; after: string };

/** Metadata fields that differ between two snapshots, as display strings. */
export function diffFields(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.filter((field) => (before[field] ?? '') !== (after[field] ?? '')).map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' }));
}
