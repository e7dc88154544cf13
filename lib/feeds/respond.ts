import { createHash } from 'node:crypto';

// The HTTP side of feeds and sitemaps: content type, cache headers and
// conditional GET. Readers and crawlers poll these often; an ETag lets them
// revalidate for a 304 instead of downloading the same bytes again, and a
// short max-age keeps a take-down out of shared caches within minutes (the
// server-side copy is expired at once, by tag).

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
export const XML_TYPE = 'application/xml; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

const CACHE_CONTROL = 'public, max-age=300';

export function textResponse(request: Request, body: string, contentType: string): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'content-type': contentType, 'cache-control': CACHE_CONTROL, etag };
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

export function notFoundResponse(): Response {
  return new Response('Not Found', { status: 404, headers: { 'content-type': TEXT_TYPE, 'cache-control': 'no-store' } });
}
