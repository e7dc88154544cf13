'use client';

import type { JSONContent } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { editorRequestSignal } from '@/lib/http/request-timeout';
import { backoffMs, nextAutosaveAt } from '@/lib/stories/autosave';
import type { BackupMeta } from '@/lib/stories/backup';
import { pickFields } from '@/lib/stories/content';
import type { LeadImageDraft, StoryDraft } from '@/lib/stories/working-copy';
import { dropBackupsUpTo, writeBackup } from './backup-store';

/** The lead image is not kept in the browser's backup: it lives in the library, and a restore keeps the current one. */
export type StoryMeta = BackupMeta & { confirmSlugChange: boolean; leadImage: LeadImageDraft | null };

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'locked' | 'invalid' | 'failed';
export type SaveIntent = 'save' | 'autosave' | 'overwrite';
export type Snapshot = { meta: StoryMeta; body: JSONContent };

/** The metadata as the backup keeps it: everything but the one-off slug confirmation. */
export function backupMetaOf(meta: StoryMeta): BackupMeta {
  return { ...pickFields(meta), tags: meta.tags, bylines: meta.bylines };
}

export function metaOf(story: StoryDraft): StoryMeta {
  return { ...pickFields(story), tags: story.tags, bylines: story.bylines, leadImage: story.leadImage, confirmSlugChange: false };
}

const BACKUP_DELAY_MS = 300;

/**
 * The editor's save loop. Every change goes to the browser's backup at once
 * and to the server after a pause (or every 10 s while typing goes on), with
 * the version it was based on. Failures never drop text: a stale version
 * opens the conflict dialog, a lost lock makes the editor read-only, and an
 * unreachable server is retried with backoff until it answers.
 */
export function useStorySave({
  storyId,
  initialVersion,
  initiallySavedAt,
  sessionId,
  getSnapshot,
  onSaved,
}: {
  storyId: string;
  initialVersion: number;
  initiallySavedAt: Date;
  sessionId: string;
  getSnapshot: () => Snapshot | null;
  onSaved: (result: { slug: string }) => void;
}) {
  const version = useRef(initialVersion);
  const statusRef = useRef<SaveStatus>('saved');
  const [status, setStatusState] = useState<SaveStatus>('saved');
  const [savedAt, setSavedAt] = useState<Date>(initiallySavedAt);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // A free slug the server offers when the one asked for is taken.
  const [suggestedSlug, setSuggestedSlug] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The server's newer copy, and what this tab tried to save over it. */
  const [conflict, setConflict] = useState<{ theirs: StoryDraft; mine: Snapshot } | null>(null);
  const [lockedBy, setLockedBy] = useState<string | null>(null);
  const firstChangeAt = useRef<number | null>(null);
  const lastChangeAt = useRef(0);
  const changedDuringFlight = useRef(false);
  const failures = useRef(0);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const backupTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  // Timers call the latest save through this ref: save reschedules itself.
  const saveRef = useRef<(intent?: SaveIntent) => Promise<void>>(async () => {});

  const setStatus = useCallback((next: SaveStatus) => {
    statusRef.current = next;
    setStatusState(next);
  }, []);

  const backupNow = useCallback(() => {
    const snapshot = getSnapshot();
    if (!snapshot) return;
    void writeBackup({ storyId, baseVersion: version.current, savedAt: Date.now(), meta: backupMetaOf(snapshot.meta), body: snapshot.body });
  }, [getSnapshot, storyId]);

  const save = useCallback(
    async (intent: SaveIntent = 'save', baseVersion?: number): Promise<void> => {
      clearTimeout(saveTimer.current);
      if (inFlight.current) {
        changedDuringFlight.current = true;
        return;
      }
      // While a conflict or a lost lock waits for the writer, nothing is sent on its own.
      if ((statusRef.current === 'conflict' || statusRef.current === 'locked') && intent !== 'overwrite') return;
      const snapshot = getSnapshot();
      if (!snapshot) return;
      inFlight.current = true;
      changedDuringFlight.current = false;
      const sentOnVersion = baseVersion ?? version.current;
      setStatus('saving');
      try {
        const response = await fetch(`/api/stories/${storyId}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          signal: editorRequestSignal(),
          body: JSON.stringify({ ...snapshot.meta, body: snapshot.body, bylines: snapshot.meta.bylines.map((b) => b.id), baseVersion: sentOnVersion, intent, sessionId }),
        });
        const result = (await response.json().catch(() => ({}))) as {
          version?: number;
          updatedAt?: string;
          slug?: string;
          fieldErrors?: Record<string, string>;
          suggestedSlug?: string;
          error?: string;
          current?: StoryDraft;
          holder?: string;
        };
        if (response.ok && result.version) {
          failures.current = 0;
          version.current = result.version;
          setSavedAt(new Date(result.updatedAt ?? Date.now()));
          setFieldErrors({});
          setSuggestedSlug(null);
          setError(null);
          setConflict(null);
          // The server holds this text now: the backups it was based on can go.
          void dropBackupsUpTo(storyId, sentOnVersion);
          onSaved({ slug: result.slug ?? snapshot.meta.slug });
          if (changedDuringFlight.current) {
            setStatus('dirty');
            backupNow();
            saveTimer.current = setTimeout(() => void saveRef.current('autosave'), 0);
          } else {
            // Nothing changed since: the server has it all, so no backup of it is needed either.
            clearTimeout(backupTimer.current);
            firstChangeAt.current = null;
            setStatus('saved');
          }
        } else if (response.status === 409 && result.current) {
          setConflict({ theirs: result.current, mine: snapshot });
          setStatus('conflict');
        } else if (response.status === 423) {
          setLockedBy(result.holder ?? null);
          setStatus('locked');
        } else if (response.status === 422) {
          setFieldErrors(result.fieldErrors ?? {});
          setSuggestedSlug(result.suggestedSlug ?? null);
          setError(result.fieldErrors?.body ? 'errors.bodyInvalid' : 'editor.fieldErrors');
          setStatus('invalid');
        } else if (response.status === 401 || response.status === 404 || response.status === 413) {
          setError(result.error ?? 'editor.saveFailed');
          setStatus('failed');
        } else {
          throw new Error(`save answered ${response.status}`);
        }
      } catch {
        // Offline, or the server or its database is down: keep the text, say so, and try again later.
        failures.current += 1;
        setError(navigator.onLine ? 'editor.serverUnreachable' : 'editor.offlineSaved');
        setStatus('offline');
        saveTimer.current = setTimeout(() => void saveRef.current('autosave'), backoffMs(failures.current));
      } finally {
        inFlight.current = false;
      }
    },
    [backupNow, getSnapshot, onSaved, sessionId, setStatus, storyId],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Called on every change. Re-renders only on the way into "dirty". */
  const markChanged = useCallback(() => {
    const now = Date.now();
    if (inFlight.current) changedDuringFlight.current = true;
    firstChangeAt.current ??= now;
    lastChangeAt.current = now;
    if (statusRef.current === 'saved' || statusRef.current === 'invalid' || statusRef.current === 'failed') setStatus('dirty');
    clearTimeout(backupTimer.current);
    backupTimer.current = setTimeout(backupNow, BACKUP_DELAY_MS);
    if (statusRef.current === 'dirty') {
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void save('autosave'), Math.max(0, nextAutosaveAt(firstChangeAt.current, lastChangeAt.current) - now));
    }
  }, [backupNow, save, setStatus]);

  // Back online: send what is pending now rather than at the next backoff step.
  useEffect(() => {
    const onOnline = () => {
      if (statusRef.current === 'offline' || statusRef.current === 'dirty') void save('autosave');
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [save]);

  useEffect(
    () => () => {
      clearTimeout(saveTimer.current);
      clearTimeout(backupTimer.current);
    },
    [],
  );

  /** After the conflict dialog's "take theirs": continue from the server's version. */
  const adoptServerVersion = useCallback(
    (current: StoryDraft) => {
      version.current = current.version;
      setConflict(null);
      setError(null);
      firstChangeAt.current = null;
      setSavedAt(new Date(current.updatedAt));
      setStatus('saved');
    },
    [setStatus],
  );

  const setLocked = useCallback(
    (holder: string | null) => {
      setLockedBy(holder);
      if (holder) {
        clearTimeout(saveTimer.current);
        backupNow();
        setStatus('locked');
      } else if (statusRef.current === 'locked') setStatus(firstChangeAt.current ? 'dirty' : 'saved');
    },
    [backupNow, setStatus],
  );

  /** The server version this tab's text is based on, read at the moment it is needed. */
  const currentVersion = useCallback(() => version.current, []);

  return { status, savedAt, fieldErrors, suggestedSlug, error, conflict, lockedBy, currentVersion, markChanged, save, adoptServerVersion, setLocked };
}
