'use client';

import { createStore, del, delMany, entries, set } from 'idb-keyval';
import { backupKey, backupPrefix, checkBackup, type StoryBackup } from '@/lib/stories/backup';

// The browser's copy of unsaved work, in IndexedDB. Every call swallows
// storage errors (private windows, full disks): a backup that cannot be
// written must never stop the editor.

const store = typeof indexedDB === 'undefined' ? undefined : createStore('sahifa', 'story-backups');

export async function writeBackup(backup: StoryBackup): Promise<void> {
  if (!store) return;
  await set(backupKey(backup.storyId, backup.baseVersion), backup, store).catch(() => {});
}

/** This story's usable backups, newest first, and how many were discarded as expired, corrupt or oversized. */
export async function readBackups(storyId: string): Promise<{ backups: StoryBackup[]; discarded: number }> {
  if (!store) return { backups: [], discarded: 0 };
  const all = await entries<string, unknown>(store).catch(() => [] as [string, unknown][]);
  const mine = all.filter(([key]) => typeof key === 'string' && key.startsWith(backupPrefix(storyId)));
  const now = Date.now();
  const backups: StoryBackup[] = [];
  const bad: string[] = [];
  for (const [key, value] of mine) {
    const backup = checkBackup(value, storyId, now);
    if (backup) backups.push(backup);
    else bad.push(key);
  }
  if (bad.length > 0) await delMany(bad, store).catch(() => {});
  return { backups: backups.sort((a, b) => b.savedAt - a.savedAt), discarded: bad.length };
}

/** Drops the backups the server now holds: those based on a version up to `version`. */
export async function dropBackupsUpTo(storyId: string, version: number): Promise<void> {
  if (!store) return;
  const all = await entries<string, StoryBackup>(store).catch(() => [] as [string, StoryBackup][]);
  const keys = all.filter(([key, value]) => key.startsWith(backupPrefix(storyId)) && typeof value?.baseVersion === 'number' && value.baseVersion <= version).map(([key]) => key);
  if (keys.length > 0) await delMany(keys, store).catch(() => {});
}

export async function dropBackup(storyId: string, baseVersion: number): Promise<void> {
  if (!store) return;
  await del(backupKey(storyId, baseVersion), store).catch(() => {});
}
