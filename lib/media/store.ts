import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { media } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { ORIGINAL, storageKey } from './keys';
import { checkFileName, type MediaLimits, type UploadProblem } from './limits';
import { CONTENT_TYPES } from './plan';
import { prepareUpload } from './process';
import { RENDITIONS_JOB } from './renditions-job';
import { getMediaStorage, type MediaStorage } from './storage';

// Storing one image: checked, its master and first rendition written, its
// row and its renditions job in one transaction. Authorizes nothing: the
// upload route (./upload.ts) and the importer (lib/imports) have. Not
// server-only: the importer runs in the job runner, outside Next.

export const mediaLimits = (): MediaLimits => {
  const env = getEnv();
  return { maxBytes: env.MEDIA_MAX_BYTES, maxSide: env.MEDIA_MAX_SIDE };
};

export type StoredImage = { ok: true; row: typeof media.$inferSelect } | { ok: false; problem: UploadProblem };

export async function storeImage(
  input: { uploadedById: string | null; fileName: string; data: Buffer },
  options: { storage?: MediaStorage; limits: MediaLimits },
): Promise<StoredImage> {
  const nameProblem = checkFileName(input.fileName);
  if (nameProblem) return { ok: false, problem: nameProblem };
  const prepared = await prepareUpload(input.data, options.limits);
  if (!prepared.ok) return prepared;
  const { format, width, height, master, first, placeholder } = prepared.prepared;
  const storage = options.storage ?? getMediaStorage();
  const id = randomUUID();
  try {
    await storage.put(storageKey(id, ORIGINAL), master, `image/${format}`);
    await storage.put(storageKey(id, first.name), first.data, CONTENT_TYPES[first.format]);
    const row = await getDb().transaction(async (tx) => {
      const [inserted] = await tx
        .insert(media)
        .values({
          id,
          uploadedById: input.uploadedById,
          fileName: input.fileName.normalize('NFC'),
          format,
          bytes: input.data.length,
          width,
          height,
          placeholder,
          renditions: [{ name: first.name, format: first.format, width: first.width, height: first.height, bytes: first.bytes }],
        })
        .returning();
      // In the same transaction: the job exists exactly when the row does.
      await tx.execute(sql`select graphile_worker.add_job(${RENDITIONS_JOB}, ${JSON.stringify({ mediaId: id })}::json, job_key := ${`media:${id}`}, max_attempts := 3)`);
      return inserted;
    });
    if (!row) throw new Error('media insert returned nothing');
    return { ok: true, row };
  } catch (error) {
    await storage.deleteAll(id).catch(() => undefined);
    throw error;
  }
}
