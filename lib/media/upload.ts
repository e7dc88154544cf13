import 'server-only';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { media } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize } from '@/lib/dal';
import { getEnv } from '@/lib/env';
import { ORIGINAL, storageKey } from './keys';
import { checkFileName, type MediaLimits, type UploadProblem } from './limits';
import { toMediaItem, type MediaItem } from './library';
import { CONTENT_TYPES } from './plan';
import { prepareUpload } from './process';
import { RENDITIONS_JOB } from './renditions-job';
import { getMediaStorage, type MediaStorage } from './storage';

// An upload, from the request's body to a stored image with its first
// rendition and a queued job for the rest. Nothing is half-stored: the temp
// file always goes, and files are removed again if the row cannot be written.

export const mediaLimits = (): MediaLimits => {
  const env = getEnv();
  return { maxBytes: env.MEDIA_MAX_BYTES, maxSide: env.MEDIA_MAX_SIDE };
};

class TooLarge extends Error {}

/**
 * Streams a body to a temp file while counting, and stops as soon as it
 * passes the limit, so a 200 MB upload costs at most the limit in disk and
 * nothing in memory. Returns the bytes, or the refusal.
 */
export async function receiveBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<{ ok: true; data: Buffer } | { ok: false; problem: UploadProblem }> {
  if (!body) return { ok: false, problem: 'empty' };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sahifa-upload-'));
  try {
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(received > maxBytes ? new TooLarge() : null, chunk);
      },
    });
    const file = path.join(dir, 'body');
    try {
      await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), counter, createWriteStream(file));
    } catch (error) {
      if (error instanceof TooLarge) return { ok: false, problem: 'tooLarge' };
      throw error;
    }
    if (received === 0) return { ok: false, problem: 'empty' };
    return { ok: true, data: await readFile(file) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type UploadOutcome = { ok: true; item: MediaItem } | { ok: false; problem: UploadProblem };

export async function storeUpload(
  actor: CurrentUser | null,
  input: { fileName: string; data: Buffer },
  options: { storage?: MediaStorage; limits?: MediaLimits } = {},
): Promise<UploadOutcome> {
  authorize(actor, 'media:upload');
  const nameProblem = checkFileName(input.fileName);
  if (nameProblem) return { ok: false, problem: nameProblem };
  const prepared = await prepareUpload(input.data, options.limits ?? mediaLimits());
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
          uploadedById: actor.id,
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
    return { ok: true, item: toMediaItem(actor, { ...row, uploaderName: actor.displayName }) };
  } catch (error) {
    await storage.deleteAll(id).catch(() => undefined);
    throw error;
  }
}
