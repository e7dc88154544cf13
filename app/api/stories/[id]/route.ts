import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { MAX_DOC_BYTES } from '@/lib/content/document';
import { Forbidden, isDatabaseUnavailable } from '@/lib/dal';
import { logger } from '@/lib/logger';
import { saveStory } from '@/lib/stories/save';
import { storySaveSchema } from '@/lib/stories/schemas';

// The editor's save, as JSON over a route handler rather than a server action:
// it answers with real status codes that the client's save loop acts on:
// 409 a stale version, 423 another tab holds the soft lock, 413 too large,
// 422 invalid, 503 the database is unreachable (the client keeps its backup and retries).

const MAX_REQUEST_BYTES = MAX_DOC_BYTES + 64_000;
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
  const parsed = storySaveSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
    return json(422, { fieldErrors });
  }

  try {
    const outcome = await saveStory(user, id.data, parsed.data, { kind: parsed.data.intent, sessionId: parsed.data.sessionId });
    if (!outcome) return json(404, { error: 'errors.notFound' });
    if (outcome.status === 'conflict') return json(409, { error: 'errors.staleVersion', current: outcome.current });
    if (outcome.status === 'locked') return json(423, { error: 'errors.lockedByOther', holder: outcome.holder });
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
