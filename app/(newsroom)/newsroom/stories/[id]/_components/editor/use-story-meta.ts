'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { slugify } from '@/lib/slug';
import type { StoryDraft } from '@/lib/stories/working-copy';
import { metaOf, type Snapshot, type StoryMeta } from './use-story-save';

/**
 * The metadata beside the text, with a ref the save loop reads outside
 * React's render. While the slug simply follows the headline it keeps
 * following it; once edited by hand, it is left be.
 */
export function useStoryMeta(story: StoryDraft, editor: Editor | null) {
  const [meta, setMeta] = useState<StoryMeta>(() => metaOf(story));
  const metaRef = useRef(meta);
  useEffect(() => {
    metaRef.current = meta;
  }, [meta]);
  const slugFollowsHeadline = useRef(story.liveSlug === null && (story.slug === '' || story.slug === slugify(story.headline)));

  const applyPatch = useCallback((patch: Partial<StoryMeta>) => {
    if ('slug' in patch) slugFollowsHeadline.current = false;
    setMeta((current) => {
      const next = { ...current, ...patch };
      if ('headline' in patch && slugFollowsHeadline.current) next.slug = slugify(next.headline);
      metaRef.current = next;
      return next;
    });
  }, []);

  /** Replaces text and metadata at once (a restored backup, "take theirs"), without counting as an edit. */
  const replaceWith = useCallback(
    (next: StoryMeta, body: Snapshot['body']) => {
      metaRef.current = next;
      setMeta(next);
      editor?.commands.setContent(body, { emitUpdate: false });
    },
    [editor],
  );

  const onSaved = useCallback((result: { slug: string }) => setMeta((current) => ({ ...current, slug: result.slug, confirmSlugChange: false })), []);
  return { meta, metaRef, applyPatch, replaceWith, onSaved };
}
