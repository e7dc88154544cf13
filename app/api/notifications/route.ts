import { getCurrentUser } from '@/lib/auth/current-user';
import { Forbidden, isDatabaseUnavailable } from '@/lib/dal';
import { inboxSummary } from '@/lib/notifications/inbox';

// The bell's poll: the unread count and the latest notifications, as JSON.
// Polling (every 10 s, and on focus) rather than a server-sent stream: it
// works across several app instances without sticky sessions, holds no
// connection per open tab, and passes proxies that buffer responses.

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

export async function GET() {
  try {
    const user = await getCurrentUser();
    if (!user) return json(401, { error: 'errors.signedOut' });
    return json(200, await inboxSummary(user));
  } catch (error) {
    if (error instanceof Forbidden) return json(404, { error: 'errors.notFound' });
    if (isDatabaseUnavailable(error)) return json(503, { error: 'errors.databaseDown' });
    throw error;
  }
}
