import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { Forbidden, isDatabaseUnavailable } from '@/lib/dal';
import { heartbeat, release, takeOver } from '@/lib/stories/presence';
import { presenceSchema } from '@/lib/stories/schemas';

// Heartbeat, take-over and release of a story's soft lock. A POST so that
// the editor can release with navigator.sendBeacon as the tab closes.

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) return json(401, { error: 'errors.signedOut' });
    // As the save route: refused before the body is read; the DAL checks again.
    if (!can(user, 'stories:view')) return json(404, { error: 'errors.notFound' });
    const id = z.uuid().safeParse((await params).id);
    const input = presenceSchema.safeParse(await request.json().catch(() => null));
    if (!id.success) return json(404, { error: 'errors.notFound' });
    if (!input.success) return json(422, { error: 'errors.invalid' });
    if (input.data.action === 'release') {
      await release(user, id.data, input.data.sessionId);
      return json(200, { released: true });
    }
    const presence = input.data.action === 'take_over' ? await takeOver(user, id.data, input.data.sessionId) : await heartbeat(user, id.data, input.data.sessionId);
    return presence ? json(200, presence) : json(404, { error: 'errors.notFound' });
  } catch (error) {
    if (error instanceof Forbidden) return json(404, { error: 'errors.notFound' });
    if (isDatabaseUnavailable(error)) return json(503, { error: 'errors.databaseDown' });
    throw error;
  }
}
