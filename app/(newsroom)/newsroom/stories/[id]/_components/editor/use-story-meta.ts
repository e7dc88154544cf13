'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { TEXT_FIELDS, type TextField } from '@/lib/collab/fields';
import { pickFields, type StoryFields } from '@/lib/stories/content';
import { slugify } from '@/lib/slug';
import type { LeadImageDraft, StoryDraft } from '@/lib/stories/working-copy';

/** What the editor saves through the form: everything but the text, which is the shared document's (lib/collab/fields.ts). */
export type StoryMeta = Omit<StoryFields, TextField> & { tags: string[]; bylines: StoryDraft['bylines']; leadImage: LeadImageDraft | null; confirmSlugChange: boolean };

const textFields = new Set<string>(TEXT_FIELDS);

export function metaOf(story: StoryDraft): StoryMeta {
  const fields = Object.fromEntries(Object.entries(pickFields(story)).filter(([key]) => !textFields.has(key))) as Omit<StoryFields, TextField>;
  return { ...fields, tags: story.tags, bylines: story.bylines, leadImage: story.leadImage, confirmSlugChange: false };
}

/**
 * The metadata beside the text, with a ref the save reads outside React's
 * render. While the slug simply follows the headline it keeps following it
 * (as this tab's writer types the headline); once edited by hand, it is left be.
 */
export function useStoryMeta(story: StoryDraft) {
  const [meta, setMeta] = useState<StoryMeta>(() => metaOf(story));
  const metaRef = useRef(meta);
  useEffect(() => {
    metaRef.current = meta;
  }, [meta]);
  const slugFollowsHeadline = useRef(story.liveSlug === null && (story.slug === '' || story.slug === slugify(story.headline)));

  /** Applies a change; answers whether anything the form saves changed. */
  const applyPatch = useCallback((patch: Partial<StoryMeta>) => {
    if ('slug' in patch) slugFollowsHeadline.current = false;
    const next = { ...metaRef.current, ...patch };
    metaRef.current = next;
    setMeta(next);
  }, []);

  /** The headline as this tab typed it: the slug follows while it has not been edited by hand. Answers whether the slug changed. */
  const headlineTyped = useCallback((headline: string) => {
    if (!slugFollowsHeadline.current) return false;
    const slug = slugify(headline);
    if (slug === metaRef.current.slug) return false;
    const next = { ...metaRef.current, slug };
    metaRef.current = next;
    setMeta(next);
    return true;
  }, []);

  const onSaved = useCallback((result: { slug: string }) => {
    const next = { ...metaRef.current, slug: result.slug, confirmSlugChange: false };
    metaRef.current = next;
    setMeta(next);
  }, []);
  return { meta, metaRef, applyPatch, headlineTyped, onSaved };
}
