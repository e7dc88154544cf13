'use client';

import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TextQuoteAnchor } from '@/db/schema';
import { createAnchor, resolveAnchor } from '@/lib/comments/anchor';
import { editorRequestSignal } from '@/lib/http/request-timeout';
import type { CommentView } from '@/lib/comments/comments';
import { fromDocRange, textWithPositions, toDocRange } from '@/lib/comments/pm-text';
import type { Transaction } from '@tiptap/pm/state';
import { commentHighlightsKey, commentRangesOf, setCommentRanges, type CommentRange } from './comment-highlights';

// Keeps the story's comments fresh (a light poll, so a colleague's reply shows
// up without reloading the editor) and their highlights anchored in the text.

const POLL_MS = 15_000;

/** Inline comments that are shown in the text: open, top-level, not deleted. */
const isHighlighted = (comment: CommentView) => comment.anchor !== null && !comment.parentId && !comment.resolvedAt && !comment.deletedAt;

export function useComments(editor: Editor | null, storyId: string, initial: CommentView[]) {
  const [comments, setComments] = useState(initial);
  const [ranges, setRanges] = useState<Map<string, CommentRange>>(new Map());
  const [active, setActiveState] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/stories/${storyId}/comments`, { cache: 'no-store', signal: editorRequestSignal() }).catch(() => null);
    if (response?.ok) setComments(((await response.json()) as { comments: CommentView[] }).comments);
  }, [storyId]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // Re-anchor: a range the editor has been following through edits is kept; any other is found again from its quote.
  const anchorAll = useCallback(
    (list: CommentView[]) => {
      if (!editor) return;
      const current = commentRangesOf(editor.state);
      // The story's text with positions, made only when a comment must be found again by its quote.
      let map: ReturnType<typeof textWithPositions> | null = null;
      const next = new Map<string, CommentRange>();
      for (const comment of list.filter(isHighlighted)) {
        const kept = current.get(comment.id);
        if (kept) next.set(comment.id, kept);
        else {
          map ??= textWithPositions(editor.state.doc);
          const found = resolveAnchor(map.text, comment.anchor as TextQuoteAnchor);
          if (found) next.set(comment.id, toDocRange(map, found.start, found.end));
        }
      }
      // Unchanged (the usual case once typing pauses): no transaction, so the page does not re-render for nothing.
      if (next.size === current.size && [...next].every(([id, range]) => current.get(id) === range)) return;
      editor.view.dispatch(setCommentRanges(editor.state.tr, { ranges: next }));
    },
    [editor],
  );

  useEffect(() => anchorAll(comments), [anchorAll, comments]);

  // The plugin maps the ranges as the text changes; the panel's order and "detached" labels follow
  // once typing pauses, when comments that lost their place are also looked for again by their quotes.
  const commentsRef = useRef(comments);
  useEffect(() => {
    commentsRef.current = comments;
  }, [comments]);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.getMeta(commentHighlightsKey)) setRanges(commentRangesOf(editor.state));
      else if (transaction.docChanged) {
        clearTimeout(timer);
        timer = setTimeout(() => anchorAll(commentsRef.current), 400);
      }
    };
    editor.on('transaction', onTransaction);
    return () => {
      clearTimeout(timer);
      editor.off('transaction', onTransaction);
    };
  }, [editor, anchorAll]);

  const setActive = useCallback(
    (id: string | null, select = false) => {
      setActiveState(id);
      if (!editor) return;
      editor.view.dispatch(setCommentRanges(editor.state.tr, { active: id }));
      const range = id ? commentRangesOf(editor.state).get(id) : undefined;
      if (select && range) editor.chain().setTextSelection(range).scrollIntoView().run();
    },
    [editor],
  );

  return { comments, ranges, active, setActive, refresh };
}

/**
 * The selection as an anchor on the story's text. A read-only editor does not
 * always move its own selection, so the browser's selection is read too.
 */
export function selectionAnchor(editor: Editor): TextQuoteAnchor | null {
  let { from, to } = editor.state.selection;
  if (from === to) {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode || !editor.view.dom.contains(selection.anchorNode)) return null;
    try {
      const a = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
      const b = editor.view.posAtDOM(selection.focusNode, selection.focusOffset);
      [from, to] = a < b ? [a, b] : [b, a];
    } catch {
      return null;
    }
  }
  const map = textWithPositions(editor.state.doc);
  const { start, end } = fromDocRange(map, from, to);
  if (end <= start || !map.text.slice(start, end).trim()) return null;
  return createAnchor(map.text, start, end);
}
