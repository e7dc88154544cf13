import type { Connection, Document, Hocuspocus } from '@hocuspocus/server';
import type { Database } from '@/db';
import { loadSessionUser } from '@/lib/auth/actor';
import { logger } from '@/lib/logger';
import { storyAccess, type StoryAccess } from './access';
import type { CollabContext } from './server';

// Revocation on open sockets. A request re-reads its user; a socket lives
// for hours, so every few seconds each connection's user and access are read
// again. Deactivation, a new session version, a role change or the story
// leaving a state the person may edit in closes the socket with a reason;
// the client reconnects and gets what it may have now (read-only, or nothing).

type Close = (document: Document, match: (connection: Connection) => boolean, code: number, reason: string) => void;

async function currentAccess(db: Database, context: CollabContext): Promise<StoryAccess | 'session-ended'> {
  const user = await loadSessionUser(db, context.user.id, context.sessionVersion);
  if (!user) return 'session-ended';
  return storyAccess(db, user, context.storyId);
}

async function checkOnce(db: Database, instance: Hocuspocus, close: Close): Promise<void> {
  const seen = new Map<string, Promise<StoryAccess | 'session-ended'>>();
  for (const document of instance.documents.values()) {
    for (const connection of document.getConnections()) {
      const context = connection.context as CollabContext;
      const key = `${context.user.id}:${context.sessionVersion}:${context.storyId}`;
      if (!seen.has(key)) seen.set(key, currentAccess(db, context));
      const now = await (seen.get(key) as Promise<StoryAccess | 'session-ended'>);
      if (now === context.access) continue;
      const [code, reason] = now === 'session-ended' ? [4401, 'session-ended'] : now === 'none' ? [4404, 'not-found'] : [4409, now === 'read' ? 'read-only' : 'writable'];
      close(document, (other) => other === connection, code, reason);
    }
  }
}

/** Starts the periodic check; returns the function that stops it. A database outage skips a round, never closes anyone. */
export function watchAccess(db: Database, instance: Hocuspocus, everyMs: number, close: Close): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    checkOnce(db, instance, close)
      .catch((error: unknown) => logger.warn({ err: error }, 'co-editing: access check skipped'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
