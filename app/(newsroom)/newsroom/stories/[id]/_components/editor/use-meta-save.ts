'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { editorRequestSignal } from '@/lib/http/request-timeout';
import type { StoryMeta } from './use-story-meta';

export type MetaStatus = 'saved' | 'dirty' | 'saving' | 'offline' | 'invalid' | 'failed';

/** A pause in changes before they are sent: a slug typed letter by letter goes once. */
const SAVE_DELAY_MS = 700;
const RETRY_MS = [2000, 4000, 8000, 15_000, 30_000];

/**
 * The save of the story's metadata (section, slug, tags, bylines, lead image,
 * language). The text is not here: it is the shared document's. There is no
 * version to conflict on, so a save can only be invalid (a taken slug) or
 * unreachable, which is retried with backoff until the server answers.
 */
export function useMetaSave({ storyId, getMeta, onSaved }: { storyId: string; getMeta: () => StoryMeta; onSaved: (result: { slug: string }) => void }) {
  const [status, setStatusState] = useState<MetaStatus>('saved');
  const statusRef = useRef<MetaStatus>('saved');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [suggestedSlug, setSuggestedSlug] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const changedDuringFlight = useRef(false);
  const failures = useRef(0);
  const saveRef = useRef<() => Promise<void>>(async () => {});

  const setStatus = useCallback((next: MetaStatus) => {
    statusRef.current = next;
    setStatusState(next);
  }, []);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) {
      changedDuringFlight.current = true;
      return;
    }
    inFlight.current = true;
    changedDuringFlight.current = false;
    const { bylines, leadImage, ...meta } = getMeta();
    setStatus('saving');
    try {
      const response = await fetch(`/api/stories/${storyId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        signal: editorRequestSignal(),
        body: JSON.stringify({ ...meta, bylines: bylines.map((b) => b.id), leadImage: leadImage && { id: leadImage.id, alt: leadImage.alt, caption: leadImage.caption, credit: leadImage.credit } }),
      });
      const result = (await response.json().catch(() => ({}))) as { slug?: string; fieldErrors?: Record<string, string>; suggestedSlug?: string; error?: string };
      if (response.ok) {
        failures.current = 0;
        setFieldErrors({});
        setSuggestedSlug(null);
        setError(null);
        onSaved({ slug: result.slug ?? meta.slug });
        setStatus(changedDuringFlight.current ? 'dirty' : 'saved');
      } else if (response.status === 422) {
        setFieldErrors(result.fieldErrors ?? {});
        setSuggestedSlug(result.suggestedSlug ?? null);
        setError('editor.fieldErrors');
        setStatus('invalid');
      } else if (response.status === 401 || response.status === 404 || response.status === 413) {
        setError(result.error ?? 'editor.saveFailed');
        setStatus('failed');
      } else throw new Error(`save answered ${response.status}`);
    } catch {
      // Offline, or the server or its database is down: keep the change, say so, and try again later.
      setError(navigator.onLine ? 'editor.serverUnreachable' : 'editor.offlineSaved');
      setStatus('offline');
      timer.current = setTimeout(() => void saveRef.current(), RETRY_MS[Math.min(failures.current, RETRY_MS.length - 1)]);
      failures.current += 1;
    } finally {
      inFlight.current = false;
    }
    if (changedDuringFlight.current) timer.current = setTimeout(() => void saveRef.current(), 0);
  }, [getMeta, onSaved, setStatus, storyId]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Called on every change of the metadata. */
  const markChanged = useCallback(() => {
    if (inFlight.current) changedDuringFlight.current = true;
    if (statusRef.current !== 'offline') setStatus('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), SAVE_DELAY_MS);
  }, [setStatus]);

  useEffect(() => {
    const onOnline = () => statusRef.current === 'offline' && void saveRef.current();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      clearTimeout(timer.current);
    };
  }, []);

  return { status, fieldErrors, suggestedSlug, error, markChanged };
}
