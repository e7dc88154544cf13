'use client';

import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useEditorState, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';
import type { SideTab } from './side-panels';
import type { StoryMeta } from './use-story-meta';

/** The fields a submission may find missing (lib/stories/transitions.ts), in the order the page shows them. */
const FIELD_ORDER = ['headline', 'body', 'sectionId', 'slug'] as const;
type Missing = Partial<Record<string, string>>;

/** Whether a node holds any visible text. Asked on every transaction: it stops at the first, where `textContent` would join the whole story. */
function hasText(node: ProseMirrorNode): boolean {
  if (node.isText) return (node.text ?? '').trim() !== '';
  for (let i = 0; i < node.childCount; i++) if (hasText(node.child(i))) return true;
  return false;
}

/**
 * A refused submission marks the missing fields themselves: each gets
 * aria-invalid and its message beside it, and the first one takes the focus.
 * A mark lasts while its field is still empty, so filling it clears it.
 */
export function useMissingFields(editor: Editor | null, meta: StoryMeta, headline: string, showTab: (tab: SideTab) => void) {
  const [missing, setMissing] = useState<Missing>({});
  const bodyEmpty = useEditorState({ editor, selector: ({ editor: e }) => (e ? !hasText(e.state.doc) : false) }) ?? false;
  const stillEmpty: Record<string, boolean> = { headline: headline.trim() === '', body: bodyEmpty, sectionId: !meta.sectionId, slug: !meta.slug };
  const shown = Object.fromEntries(Object.entries(missing).filter(([field, key]) => key && (stillEmpty[field] ?? true))) as Record<string, string>;

  // The body is ProseMirror's own element: mark it there, pointing at the message under it (id body-error).
  const bodyMissing = !!shown.body;
  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    dom.setAttribute('aria-invalid', String(bodyMissing));
    if (bodyMissing) dom.setAttribute('aria-describedby', 'body-error');
    else dom.removeAttribute('aria-describedby');
  }, [editor, bodyMissing]);

  const report = useCallback(
    (fieldErrors: Record<string, string>) => {
      setMissing(fieldErrors);
      const first = FIELD_ORDER.find((field) => fieldErrors[field]);
      if (first === 'body') editor?.commands.focus('start');
      else if (first) {
        // Section and slug live in the details tab, which may be hidden behind the comments.
        if (first !== 'headline') showTab('details');
        requestAnimationFrame(() => document.getElementById(`field-${first}`)?.focus());
      }
    },
    [editor, showTab],
  );
  return { missing: shown, report };
}
