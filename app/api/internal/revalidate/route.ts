import { timingSafeEqual } from 'node:crypto';
import { revalidateTag } from 'next/cache';
import { z } from 'zod';

// Expires reader caches for the job runner. A scheduled publish runs outside
// any request, where revalidateTag cannot be called, so the runner (in this
// same process) calls here over loopback with a secret made at start-up.
// Anyone else gets the same 404 as for a route that does not exist.

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(256)).max(200) });
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
  for (const tag of body.data.tags) revalidateTag(tag, { expire: 0 });
  return new Response(null, { status: 204 });
}
