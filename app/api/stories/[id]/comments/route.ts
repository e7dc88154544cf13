import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { listComments } from '@/lib/comments/comments';
import { Forbidden, isDatabaseUnavailable } from '@/lib/dal';

// The story's comments as JSON, polled by an open editor so a reply shows up
// without reloading the page (and without re-rendering the editor).

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) return json(401, { error: 'errors.signedOut' });
    const id = z.uuid().safeParse((await params).id);
    const comments = id.success ? await listComments(user, id.data) : null;
    return comments ? json(200, { comments }) : json(404, { error: 'errors.notFound' });
  } catch (error) {
    if (error instanceof Forbidden) return json(404, { error: 'errors.notFound' });
    if (isDatabaseUnavailable(error)) return json(503, { error: 'errors.databaseDown' });
    throw error;
  }
}
