import 'server-only';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { Forbidden, isDatabaseUnavailable } from '@/lib/dal';

// The staff JSON routes (/api/stories/{id}/…, /api/imports): never cached, and
// the same answers everywhere: 401 without a session, 404 for a story that is not
// there or not theirs (Forbidden included), 503 while the database is down.

export const staffJson = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

/**
 * Runs `handle` for a signed-in staff member who may open stories and a
 * story id that is a UUID, refused before the body is read otherwise; the
 * DAL checks again, per story.
 */
export async function withStaffStory(params: Promise<{ id: string }>, handle: (user: CurrentUser, storyId: string) => Promise<Response>): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return staffJson(401, { error: 'errors.signedOut' });
    if (!can(user, 'stories:view')) return staffJson(404, { error: 'errors.notFound' });
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return staffJson(404, { error: 'errors.notFound' });
    return await handle(user, id.data);
  } catch (error) {
    if (error instanceof Forbidden) return staffJson(404, { error: 'errors.notFound' });
    if (isDatabaseUnavailable(error)) return staffJson(503, { error: 'errors.databaseDown' });
    throw error;
  }
}
