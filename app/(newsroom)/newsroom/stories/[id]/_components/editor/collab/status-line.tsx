'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { collabStatus } from '@/lib/collab/status';
import type { CollabStatusStore } from '@/lib/collab/status-store';
import { useCollabStatus } from './use-collab-status';

/** The reason's name, before any detail the server adds ("invalid-update: unknown node script"). */
export const reasonKey = (reason: string | null) => (reason ?? '').split(':')[0]!.trim();
const KNOWN_REASONS = new Set(['session-ended', 'not-found', 'read-only', 'writable', 'invalid-presence', 'invalid-update', 'document-too-large', 'invalid-content', 'storage-unavailable']);


/**
 * The co-editing status, announced politely: connected (everything this tab
 * typed is on the server), syncing, not answering or offline and since when,
 * read-only, or refused with the server's reason in words. It never says
 * "syncing" longer than the server takes to answer (lib/collab/status.ts).
 * `data-collab-stored` says whether this tab's changes are in the stored
 * working copy yet (lib/collab/stored.ts), `data-meta-status` the state of
 * the metadata's save, for whatever waits on them.
 */
export function CollabStatusLine({ status: store, metaStatus, readOnlyText }: { status: CollabStatusStore; metaStatus: string; readOnlyText: string }) {
  const t = useTranslations('collab');
  const { state, stored } = useCollabStatus(store, (snapshot) => snapshot);
  const [now, setNow] = useState(() => Date.now());
  // Redrawn every second: how long offline, and when "syncing" has waited too long, change with time alone.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const status = collabStatus(state, now);

  const duration = (ms: number) => {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    return seconds < 60 ? t('seconds', { count: seconds }) : t('minutes', { count: Math.floor(seconds / 60) });
  };
  const reason = (raw: string | null) => {
    const key = reasonKey(raw);
    return KNOWN_REASONS.has(key) ? t(`reasons.${key}`) : t('reasons.other');
  };
  const reasonText = status.kind === 'offline' && status.reason ? ` ${reason(status.reason)}` : '';
  // What changes every second (how long) is shown, not spoken: the live region speaks when the state changes.
  const [shown, spoken] =
    status.kind === 'offline'
      ? [t('offline', { duration: duration(status.sinceMs) }) + reasonText, t('offlineSpoken') + reasonText]
      : status.kind === 'not-answering'
        ? [t('notAnswering', { duration: duration(status.sinceMs) }), t('notAnsweringSpoken')]
        : status.kind === 'read-only-unsaved'
          ? [`${readOnlyText} ${t('readOnlyUnsaved')}`, null]
          : [status.kind === 'read-only' ? readOnlyText : status.kind === 'refused' ? t('refused', { reason: reason(status.reason) }) : t(status.kind), null];
  // "Sending…" and "connected" take turns on every keystroke: spoken, a screen reader would say one after each key.
  // Both are spoken as "connected to the server", so the live region changes only when the state really does (a
  // "sending" that lasts becomes "not answering", which is spoken).
  const said = spoken ?? (status.kind === 'connected' || status.kind === 'syncing' ? t('connectedSpoken') : shown);
  return (
    <p role="status" aria-live="polite" className="text-sm" data-collab-status={status.kind} data-collab-stored={stored} data-meta-status={metaStatus}>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{said}</span>
    </p>
  );
}
