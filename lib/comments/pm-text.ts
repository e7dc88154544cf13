import type { Node } from '@tiptap/pm/model';

// The bridge between anchor offsets (indexes into docText's plain text) and
// ProseMirror positions in the editor. Browser-safe: no I/O.

/** The document's plain text and, per character, its ProseMirror position; one extra entry for the end. */
export type TextMap = { text: string; positions: number[] };

/**
 * Same text as docText() (./anchor) for the same document: textblocks with
 * text, joined by '\n'; a hardBreak is '\n'; other inline atoms are nothing.
 * A separator '\n' maps to the end of the previous block's content.
 */
export function textWithPositions(doc: Node): TextMap {
  let text = '';
  const positions: number[] = [];
  let lastEnd = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let blockText = '';
    const blockPositions: number[] = [];
    // pos is before the block's opening token; its content starts one further.
    node.forEach((child, offset) => {
      const at = pos + 1 + offset;
      if (child.isText) {
        const value = child.text ?? '';
        for (let i = 0; i < value.length; i++) blockPositions.push(at + i);
        blockText += value;
      } else if (child.type.name === 'hardBreak') {
        blockPositions.push(at);
        blockText += '\n';
      }
    });
    // Empty textblocks are left out, as in docText.
    if (blockText === '') return false;
    if (text !== '') {
      text += '\n';
      positions.push(lastEnd);
    }
    text += blockText;
    // A loop, not push(...spread): a very long block would overflow the argument stack.
    for (const at of blockPositions) positions.push(at);
    lastEnd = pos + node.nodeSize - 1;
    return false;
  });
  positions.push(lastEnd);
  return { text, positions };
}

/** Text offsets [start, end) to a ProseMirror range; offsets are clamped. */
export function toDocRange(map: TextMap, start: number, end: number): { from: number; to: number } {
  const length = map.text.length;
  const s = Math.min(Math.max(Math.trunc(start) || 0, 0), length);
  const e = Math.min(Math.max(Math.trunc(end) || 0, s), length);
  const from = map.positions[s] ?? 0;
  if (e === s) return { from, to: from };
  return { from, to: (map.positions[e - 1] ?? from) + 1 };
}

/** First index whose position is >= pos (positions increase strictly), or text.length. */
function firstAtOrAfter(map: TextMap, pos: number): number {
  let lo = 0;
  let hi = map.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map.positions[mid] ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A ProseMirror range (say, the editor selection) to text offsets [start, end); empty when it holds no text. */
export function fromDocRange(map: TextMap, from: number, to: number): { start: number; end: number } {
  const start = firstAtOrAfter(map, from);
  // The last index with position < to is one before the first with position >= to.
  const end = firstAtOrAfter(map, to);
  return { start, end: Math.max(start, end) };
}
