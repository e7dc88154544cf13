import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { expireReaderTags } from '@/lib/reader/expire';

// Expires reader caches from outside a request, where revalidateTag cannot be
// called: a scheduled publish (the job runner, `everywhere`), and another
// instance's change announced over Redis (`here`: that instance already told
// every other one and the CDN). Both run in this same process and call here
// over loopback with a secret made at start-up.
// Anyone else gets the same 404 as for a route that does not exist.

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(256)).max(200), scope: z.enum(['everywhere', 'here']).default('everywhere') });
const secret = () => (globalThis as unknown as { sahifaInternalSecret?: string }).sahifaInternalSecret;

function authorized(given: string | null): boolean {
  const expected = secret();
  if (!expected || !given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export async function POST(request: Request) {
  if (!authorized(request.headers.get('x-sahifa-internal'))) return Response.json({ error: 'errors.notFound' }, { status: 404 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: 'errors.invalid' }, { status: 422 });
  // Expire now, not stale-while-revalidate: a taken-down or updated story must not be served from the old entry.
  await expireReaderTags(body.data.tags, body.data.scope);
  return new Response(null, { status: 204 });
}
