import { Readable } from 'node:stream';
import { z } from 'zod';
import { firstRendition, parseRenditionName, CONTENT_TYPES } from '@/lib/media/plan';
import { storageKey } from '@/lib/media/keys';
import { findServableMedia } from '@/lib/media/serve';
import { getMediaStorage } from '@/lib/media/storage';

// Serves renditions: /media/{id}/{width}.{webp|avif} and /media/{id}/og.jpg.
// Public by design: ids are random UUIDs, and readers need them without a
// session. The original is never served. With S3 the app proxies the object
// (the bucket stays private and our headers apply); a CDN caches it like any file.
//
// A rendition the background job has not made yet is answered with the first
// WebP, made at upload, under a short cache, so a page never shows a hole.

const IMMUTABLE = 'public, max-age=31536000, immutable';
const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  const { id, file } = await params;
  const rendition = parseRenditionName(file);
  if (!z.uuid().safeParse(id).success || !rendition) return notFound();
  const row = await findServableMedia(id);
  if (!row) return notFound();
  const storage = getMediaStorage();
  let object = row.renditions.includes(file) ? await storage.get(storageKey(id, file)) : null;
  let contentType: string = CONTENT_TYPES[rendition.format];
  let cacheControl = IMMUTABLE;
  if (!object) {
    if (row.state === 'ready') return notFound();
    const fallback = firstRendition(row.width).name;
    object = await storage.get(storageKey(id, fallback));
    if (!object) return notFound();
    contentType = CONTENT_TYPES.webp;
    cacheControl = 'public, max-age=60';
  }
  return new Response(Readable.toWeb(object.body) as ReadableStream, {
    headers: {
      'content-type': contentType,
      'content-length': String(object.size),
      'cache-control': cacheControl,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    },
  });
}
