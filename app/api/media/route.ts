import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/dal';
import { listMedia } from '@/lib/media/library';
import { mediaFilterSchema } from '@/lib/media/schemas';
import { mediaLimits, receiveBody, storeUpload } from '@/lib/media/upload';

// Uploads, as a route handler that streams the body: server actions cap bodies
// at 1 MB and proxy.ts would buffer them, so this path is outside the proxy's
// matcher. The client sends the file as the raw body (XHR, for its progress
// events) and its name in X-File-Name, percent-encoded.
// 413 too large, 422 refused for any other reason; the body names the message (a catalogue key).

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
const STATUS = { tooLarge: 413 } as const;

export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return json(401, { error: 'errors.signedOut' });
  // Refused before a byte is read from someone who may not upload; storeUpload checks again.
  if (!can(user, 'media:upload')) return json(404, { error: 'errors.notFound' });
  const limits = mediaLimits();
  const refuse = (problem: string) => json(STATUS[problem as keyof typeof STATUS] ?? 422, { error: `media.errors.${problem}` });
  // Refuse an announced oversize body before reading a byte of it.
  if (Number(request.headers.get('content-length') ?? 0) > limits.maxBytes) return refuse('tooLarge');
  let fileName: string;
  try {
    fileName = decodeURIComponent(request.headers.get('x-file-name') ?? '');
  } catch {
    return refuse('badName');
  }
  try {
    const body = await receiveBody(request.body, limits.maxBytes);
    if (!body.ok) return refuse(body.problem);
    const outcome = await storeUpload(user, { fileName, data: body.data }, { limits });
    if (!outcome.ok) return refuse(outcome.problem);
    return json(201, { item: outcome.item });
  } catch (error) {
    if (error instanceof Forbidden) return json(404, { error: 'errors.notFound' });
    throw error;
  }
}

/** The editor's image picker: the library's first page, searched. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return json(401, { error: 'errors.signedOut' });
  const filter = mediaFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const { items } = await listMedia(user, filter);
    return json(200, { items });
  } catch (error) {
    if (error instanceof Forbidden) return json(404, { error: 'errors.notFound' });
    throw error;
  }
}
