'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useCallback, useSyncExternalStore } from 'react';
import { countWords, readingMinutes } from '@/lib/content/document';

// Counting 10,000 words on every keystroke would cost more than the keystroke: the body is counted once typing
// pauses. The count is read by this component alone, so its change re-renders the count, not the editor page.
const PAUSE_MS = 400;

type Counts = { words: number; minutes: number };
const NONE: Counts = { words: 0, minutes: 0 };
const counted = new WeakMap<Editor, Counts>();

function count(editor: Editor): Counts {
  const words = countWords(editor.getText());
  const counts = { words, minutes: readingMinutes(words) };
  counted.set(editor, counts);
  return counts;
}

/** The body's word count and reading time. */
export function StoryCounts({ editor }: { editor: Editor | null }) {
  const t = useTranslations('editor');
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!editor) return () => {};
      let timer: ReturnType<typeof setTimeout> | undefined;
      const typed = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          count(editor);
          changed();
        }, PAUSE_MS);
      };
      editor.on('update', typed);
      return () => {
        clearTimeout(timer);
        editor.off('update', typed);
      };
    },
    [editor],
  );
  const read = () => (editor ? (counted.get(editor) ?? count(editor)) : NONE);
  const counts = useSyncExternalStore(subscribe, read, () => NONE);
  return (
    <span className="text-sm text-muted">
      {t('words', { count: counts.words })} · {t('readingTime', { minutes: counts.minutes })}
    </span>
  );
}
