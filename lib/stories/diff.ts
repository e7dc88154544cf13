import type { JSONContent } from '@tiptap/core';
import { diffArrays } from 'diff';

// Revision comparison. Pure: no I/O. Blocks are aligned first (a paragraph
// added, removed or changed), then changed blocks get a word-level diff.
// Words come from Intl's Arabic segmentation, diffed as token arrays: the
// library's own word rule knows only Latin letters and would diff Arabic
// letter by letter. Spaces are tokens too, so both texts rebuild exactly.

export type WordChange = { value: string; added: boolean; removed: boolean };
export type BlockChange =
  | { kind: 'same'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; before: string; after: string; words: WordChange[] };

const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });

/** The text of every leaf block (paragraphs, headings, list items' paragraphs), in document order. */
export function blockTexts(doc: JSONContent): string[] {
  const out: string[] = [];
  const inline = (node: JSONContent): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : (node.content ?? []).map(inline).join('');
  const visit = (node: JSONContent) => {
    const children = node.content ?? [];
    const isTextBlock = node.type !== 'doc' && children.every((child) => child.type === 'text' || child.type === 'hardBreak');
    if (isTextBlock) out.push(node.type === 'horizontalRule' ? '———' : inline(node));
    else children.forEach(visit);
  };
  visit(doc);
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

export function diffDocuments(before: JSONContent, after: JSONContent): BlockChange[] {
  const changes: BlockChange[] = [];
  const parts = diffArrays(blockTexts(before), blockTexts(after));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A run of removed blocks followed by added ones: pair them up as edits.
      const pairs = Math.min(part.value.length, next.value.length);
      for (let j = 0; j < pairs; j++) changes.push({ kind: 'changed', before: part.value[j]!, after: next.value[j]!, words: diffText(part.value[j]!, next.value[j]!) });
      for (const text of part.value.slice(pairs)) changes.push({ kind: 'removed', text });
      for (const text of next.value.slice(pairs)) changes.push({ kind: 'added', text });
      i += 1;
      continue;
    }
    for (const text of part.value) changes.push({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text });
  }
  return changes;
}

export type FieldChange = { field: string; before: string; after: string };

/** Metadata fields that differ between two snapshots, as display strings. */
export function diffFields(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.filter((field) => (before[field] ?? '') !== (after[field] ?? '')).map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' }));
}
