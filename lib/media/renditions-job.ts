import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { media, type RenditionRef } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { ORIGINAL, storageKey } from './keys';
import type { MediaLimits } from './limits';
import { CONTENT_TYPES } from './plan';
import { encodeRendition, remainingRenditions } from './process';
import { getMediaStorage, readAll, type MediaStorage } from './storage';

// Not server-only: the job runner (lib/jobs/runner.ts) runs this in the
// process our own server starts, outside Next.

/** The job that makes an image's remaining renditions; keyed by media id so a retry never doubles the work. */
export const RENDITIONS_JOB = 'media_renditions';

const limitsFromEnv = (): MediaLimits => {
  const env = getEnv();
  return { maxBytes: env.MEDIA_MAX_BYTES, maxSide: env.MEDIA_MAX_SIDE };
};

/**
 * Makes every planned rendition not stored yet, one at a time (AVIF is
 * slow and memory-hungry), recording each as it lands, then marks the image
 * ready. A decode or encode failure will not fix itself on retry, so it marks
 * the image failed rather than throwing; the first rendition keeps serving.
 */
export async function makeRenditions(payload: { mediaId: string }, options: { storage?: MediaStorage; limits?: MediaLimits } = {}): Promise<'ready' | 'failed' | 'skipped'> {
  const db = getDb();
  const storage = options.storage ?? getMediaStorage();
  const limits = options.limits ?? limitsFromEnv();
  const [row] = await db.select().from(media).where(eq(media.id, payload.mediaId));
  if (!row || row.state !== 'processing') return 'skipped';
  try {
    const original = await storage.get(storageKey(row.id, ORIGINAL));
    if (!original) throw new Error('original missing');
    const master = await readAll(original);
    const renditions: RenditionRef[] = [...row.renditions];
    for (const planned of remainingRenditions(row.width, renditions.map((r) => r.name))) {
      const file = await encodeRendition(master, row, planned, limits);
      await storage.put(storageKey(row.id, file.name), file.data, CONTENT_TYPES[file.format]);
      renditions.push({ name: file.name, format: file.format, width: file.width, height: file.height, bytes: file.bytes });
      await db.update(media).set({ renditions }).where(eq(media.id, row.id));
    }
    await db.update(media).set({ state: 'ready', updatedAt: new Date() }).where(eq(media.id, row.id));
    return 'ready';
  } catch (error) {
    logger.error({ err: error, mediaId: row.id }, 'renditions failed');
    await db.update(media).set({ state: 'failed', updatedAt: new Date() }).where(eq(media.id, row.id));
    return 'failed';
  }
}
