import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

// Inline comments shown in the text as decorations, never as marks: they are
// not part of the document, so the story's content, version and approval do
// not change when someone comments. Editor-only, so it is not in the shared
// extension list the reader renderer uses.

export type CommentRange = { from: number; to: number };
type State = { ranges: Map<string, CommentRange>; active: string | null; decorations: DecorationSet };

export const commentHighlightsKey = new PluginKey<State>('commentHighlights');

type Meta = { ranges?: Map<string, CommentRange>; active?: string | null };

function decorate(doc: ProseMirrorNode, ranges: Map<string, CommentRange>, active: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, { from, to }] of ranges) {
    if (to <= from || to > doc.content.size) continue;
    decorations.push(Decoration.inline(from, to, { class: id === active ? 'comment-highlight comment-highlight-active' : 'comment-highlight', 'data-comment-id': id }));
  }
  return DecorationSet.create(doc, decorations);
}

/** Replace the anchored ranges (after re-anchoring from the stored quotes), or mark one active. */
export function setCommentRanges(tr: Transaction, meta: Meta): Transaction {
  return tr.setMeta(commentHighlightsKey, meta);
}

export function commentRangesOf(state: EditorState): Map<string, CommentRange> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

/** The event the editor's DOM fires when a highlighted comment is clicked; its detail is the comment id. */
export const COMMENT_CLICK_EVENT = 'sahifa:comment-click';

export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<State>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => ({ ranges: new Map(), active: null, decorations: DecorationSet.create(state.doc, []) }),
          apply(tr, value) {
            const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
            let { ranges, active } = value;
            // As the text changes, each range follows its words; a range whose words are all deleted collapses and is dropped (detached).
            if (tr.docChanged) {
              const mapped = new Map<string, CommentRange>();
              for (const [id, range] of ranges) {
                const from = tr.mapping.map(range.from, 1);
                const to = tr.mapping.map(range.to, -1);
                if (to > from) mapped.set(id, { from, to });
              }
              ranges = mapped;
            }
            if (meta?.ranges) ranges = meta.ranges;
            if (meta && 'active' in meta) active = meta.active ?? null;
            if (!tr.docChanged && !meta) return value;
            return { ranges, active, decorations: decorate(tr.doc, ranges, active) };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const ranges = commentHighlightsKey.getState(view.state)?.ranges;
            if (!ranges) return false;
            // The innermost (shortest) comment under the click, when comments overlap.
            let hit: [string, number] | null = null;
            for (const [id, { from, to }] of ranges) if (pos >= from && pos <= to && (!hit || to - from < hit[1])) hit = [id, to - from];
            if (hit) view.dom.dispatchEvent(new CustomEvent(COMMENT_CLICK_EVENT, { detail: hit[0] }));
            return false;
          },
        },
      }),
    ];
  },
});
