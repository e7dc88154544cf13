import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { Forbidden, isDatabaseUnavailable } from '@/lib/dal';
import { logger } from '@/lib/logger';
import { saveStoryMeta } from '@/lib/stories/save';
import { storyMetaSchema } from '@/lib/stories/schemas';

// The editor's save of the story's metadata (section, slug, language, tags,
// bylines, lead image), as JSON over a route handler rather than a server
// action: it answers with real status codes the editor acts on: 413 too
// large, 422 invalid, 503 the database is unreachable (the editor retries).
// The text is not saved here: it is a shared document the server stores
// itself (lib/collab/), so no version check is needed or possible.

const MAX_REQUEST_BYTES = 64_000;
const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

async function handleSave(request: Request, storyId: string): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return json(401, { error: 'errors.signedOut' });
  // Someone who may not open stories (held at enrolment, say) learns nothing of the request's shape: refused before it is read. The DAL checks again.
  if (!can(user, 'stories:view')) return json(404, { error: 'errors.notFound' });
  const id = z.uuid().safeParse(storyId);
  if (!id.success) return json(404, { error: 'errors.notFound' });

  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) return json(413, { error: 'errors.bodyTooLarge' });
  // A client that goes away mid-upload is not a database outage.
  const raw = await request.text().catch(() => null);
  if (raw === null) return json(400, { error: 'errors.invalid' });
  if (raw.length > MAX_REQUEST_BYTES) return json(413, { error: 'errors.bodyTooLarge' });
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return json(400, { error: 'errors.invalid' });
  }
  const parsed = storyMetaSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
    return json(422, { fieldErrors });
  }

  try {
    const outcome = await saveStoryMeta(user, id.data, parsed.data);
    if (!outcome) return json(404, { error: 'errors.notFound' });
    if (outcome.status === 'invalid') return json(422, { fieldErrors: outcome.fieldErrors, suggestedSlug: outcome.suggestedSlug });
    return json(200, outcome);
  } catch (error) {
    if (error instanceof Forbidden) return json(404, { error: 'errors.notFound' });
    throw error;
  }
}

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    return await handleSave(request, (await params).id);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: error }, 'save refused: database unavailable');
      return json(503, { error: 'errors.databaseDown' });
    }
    throw error;
  }
}
