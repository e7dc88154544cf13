'use client';

import type { JSONContent } from '@tiptap/core';
import { useCallback, useRef, useState } from 'react';
import type { StoryDraft } from '@/lib/stories/editor';

export type StoryMeta = {
  kicker: string;
  headline: string;
  standfirst: string;
  language: 'ar' | 'en';
  slug: string;
  sectionId: string | null;
  seoTitle: string;
  seoDescription: string;
  tags: string[];
  bylines: { id: string; name: string }[];
  confirmSlugChange: boolean;
};

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'stale' | 'invalid' | 'failed';

export function metaOf(story: StoryDraft): StoryMeta {
  const { kicker, headline, standfirst, language, slug, sectionId, seoTitle, seoDescription, tags, bylines } = story;
  return { kicker, headline, standfirst, language, slug, sectionId, seoTitle, seoDescription, tags, bylines, confirmSlugChange: false };
}

/**
 * The version-checked save. It sends the whole working copy with the version
 * it was based on; the server refuses it (409) when that version is stale.
 * Nothing typed is ever dropped here: on any failure the editor keeps its text.
 */
export function useStorySave(storyId: string, initialVersion: number, initiallySavedAt: Date) {
  const version = useRef(initialVersion);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const statusRef = useRef<SaveStatus>('saved');
  const [savedAt, setSavedAt] = useState<Date>(initiallySavedAt);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const update = useCallback((next: SaveStatus) => {
    statusRef.current = next;
    setStatus(next);
  }, []);

  /** Called on every change; re-renders only on the transition into "dirty". */
  const markDirty = useCallback(() => {
    if (statusRef.current === 'saved' || statusRef.current === 'failed') update('dirty');
  }, [update]);

  const save = useCallback(
    async (meta: StoryMeta, body: JSONContent): Promise<{ slug: string } | null> => {
      if (statusRef.current === 'saving') return null;
      update('saving');
      setError(null);
      try {
        const response = await fetch(`/api/stories/${storyId}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...meta, baseVersion: version.current, body, bylines: meta.bylines.map((byline) => byline.id) }),
        });
        const result = (await response.json().catch(() => ({}))) as { version?: number; updatedAt?: string; slug?: string; fieldErrors?: Record<string, string>; error?: string };
        if (response.ok && result.version) {
          version.current = result.version;
          setSavedAt(new Date(result.updatedAt ?? Date.now()));
          setFieldErrors({});
          update('saved');
          return { slug: result.slug ?? meta.slug };
        }
        if (response.status === 409) {
          update('stale');
          setError('editor.stale');
        } else if (response.status === 422) {
          setFieldErrors(result.fieldErrors ?? {});
          setError(result.fieldErrors?.body ? 'errors.bodyInvalid' : 'editor.fieldErrors');
          update('invalid');
        } else {
          setError(result.error ?? 'editor.saveFailed');
          update('failed');
        }
      } catch {
        setError('editor.saveFailed');
        update('failed');
      }
      return null;
    },
    [storyId, update],
  );

  return { status, savedAt, fieldErrors, error, markDirty, save, version };
}
