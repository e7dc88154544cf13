import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

// A stored reader response: the status (200, 404, 410, 308…), the headers
// that describe it, its bytes (plain and gzipped, compressed once at store
// time), a strong ETag, and the tags that expire it.

export type Entry = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  tags: string[];
  storedAt: number;
};

// Below this, gzip costs more than it saves.
const GZIP_MIN_BYTES = 1024;

const gzipAsync = promisify(gzipCallback);

/**
 * The gzipped copy of a body worth compressing. On libuv's thread pool, not on
 * the event loop: gzip of a 58 KB article costs about 3 ms, which the hits
 * served meanwhile no longer wait for.
 */
export const gzipBody = async (body: Buffer): Promise<Buffer | null> => (body.length >= GZIP_MIN_BYTES ? gzipAsync(body, { level: 6 }) : null);

/** `gzip`: from gzipBody, or null for a response that is neither stored nor asked compressed. */
export function makeEntry(input: { status: number; headers: [string, string][]; body: Buffer; gzip: Buffer | null; tags: string[]; at: number }): Entry {
  const { at, ...rest } = input;
  const etag = `"${createHash('sha256').update(String(input.status)).update(input.body).digest('base64url').slice(0, 27)}"`;
  return { ...rest, etag, storedAt: at };
}

/** Bytes an entry holds in memory, for the cache's size bound. */
export const entrySize = (entry: Entry) => entry.body.length + (entry.gzip?.length ?? 0) + 64 * (entry.headers.length + entry.tags.length) + 256;

/** One buffer for Redis: a JSON line describing the entry, then the body, then the gzipped body. */
export function encodeEntry(entry: Entry): Buffer {
  const meta = { status: entry.status, headers: entry.headers, etag: entry.etag, tags: entry.tags, storedAt: entry.storedAt, bodyBytes: entry.body.length };
  return Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), entry.body, entry.gzip ?? Buffer.alloc(0)]);
}

export function decodeEntry(buffer: Buffer): Entry | null {
  const newline = buffer.indexOf(10);
  if (newline < 0) return null;
  try {
    const meta = JSON.parse(buffer.subarray(0, newline).toString()) as Omit<Entry, 'body' | 'gzip'> & { bodyBytes: number };
    const body = buffer.subarray(newline + 1, newline + 1 + meta.bodyBytes);
    const gzip = buffer.subarray(newline + 1 + meta.bodyBytes);
    return { status: meta.status, headers: meta.headers, etag: meta.etag, tags: meta.tags, storedAt: meta.storedAt, body, gzip: gzip.length ? gzip : null };
  } catch {
    return null;
  }
}
