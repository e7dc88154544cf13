import type { JSONContent } from '@tiptap/core';
import { validateDoc } from '@/lib/content/document';
import type { StoryFields } from './content';

// The browser's backup of unsaved work. Pure rules here; the IndexedDB
// access lives in the editor's client code.

/** A backup is keyed by story and by the server version the text was based on. */
export const backupKey = (storyId: string, baseVersion: number) => `story:${storyId}@${baseVersion}`;
export const backupPrefix = (storyId: string) => `story:${storyId}@`;

/** Kept for a month; older ones are dropped when the editor opens. */
export const BACKUP_MAX_AGE_MS = 30 * 24 * 3_600_000;
/** Larger than any real story could be: a backup beyond it is corrupt or hostile. */
export const BACKUP_MAX_BYTES = 2_000_000;

/** The content fields (lib/stories/content.ts), the tag names and the bylines with their names: everything but the body and the lead image. */
export type BackupMeta = StoryFields & { tags: string[]; bylines: { id: string; name: string }[] };

export type StoryBackup = { storyId: string; baseVersion: number; savedAt: number; meta: BackupMeta; body: JSONContent };

/** A backup safe to offer: the right shape, a valid document, not too large, not expired. Anything else is discarded. */
export function checkBackup(value: unknown, storyId: string, now: number): StoryBackup | null {
  if (typeof value !== 'object' || value === null) return null;
  const backup = value as Partial<StoryBackup>;
  if (backup.storyId !== storyId || !Number.isInteger(backup.baseVersion) || typeof backup.savedAt !== 'number') return null;
  if (now - backup.savedAt > BACKUP_MAX_AGE_MS) return null;
  if (typeof backup.meta !== 'object' || backup.meta === null || typeof backup.meta.headline !== 'string' || !Array.isArray(backup.meta.tags) || !Array.isArray(backup.meta.bylines)) return null;
  let size: number;
  try {
    size = JSON.stringify(value).length;
  } catch {
    return null;
  }
  if (size > BACKUP_MAX_BYTES) return null;
  if (validateDoc(backup.body).length > 0) return null;
  return backup as StoryBackup;
}
