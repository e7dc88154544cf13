import 'server-only';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize } from '@/lib/dal';
import type { MediaLimits, UploadProblem } from './limits';
import { toMediaItem, type MediaItem } from './library';
import type { MediaStorage } from './storage';
import { mediaLimits, storeImage } from './store';

// An upload, from the request's body to a stored image with its first
// rendition and a queued job for the rest. Nothing is half-stored: the temp
// file always goes, and files are removed again if the row cannot be written.

export { mediaLimits } from './store';

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
  const stored = await storeImage({ uploadedById: actor.id, ...input }, { storage: options.storage, limits: options.limits ?? mediaLimits() });
  if (!stored.ok) return stored;
  return { ok: true, item: toMediaItem(actor, { ...stored.row, uploaderName: actor.displayName }) };
}
