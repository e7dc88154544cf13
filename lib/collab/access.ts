import type { IncomingHttpHeaders } from 'node:http';
import { decode } from 'next-auth/jwt';
import type { Executor } from '@/db';
import { loadSessionUser, type CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { readStoryFacts } from '@/lib/stories/facts';
import { canEditStory, canOpenStory } from '@/lib/stories/rules';

// Who is on the other end of a socket, and what they may do with one story.
// The socket authenticates like every request: the Auth.js session cookie,
// then the user re-read from the database (status, role, session version),
// then the same edit rule the form uses. Nothing the client says about
// itself is trusted.

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}

/**
 * The cookie's user, or null. A browser sends cookies with a WebSocket
 * handshake from any page, so the handshake must also come from our own
 * origin (the host it was sent to): another site cannot borrow a session.
 */
export type SocketUser = { user: CurrentUser; sessionVersion: number };

export async function userFromHandshake(db: Executor, headers: IncomingHttpHeaders, secret: string): Promise<SocketUser | null> {
  const origin = headers.origin;
  if (origin !== undefined) {
    try {
      if (new URL(origin).host !== headers.host) return null;
    } catch {
      return null;
    }
  }
  for (const name of SESSION_COOKIES) {
    const token = readCookie(headers.cookie, name);
    if (!token) continue;
    const claims = await decode({ token, secret, salt: name }).catch(() => null);
    if (!claims || typeof claims.uid !== 'string' || typeof claims.sv !== 'number') continue;
    const user = await loadSessionUser(db, claims.uid, claims.sv);
    return user ? { user, sessionVersion: claims.sv } : null;
  }
  return null;
}

export type StoryAccess = 'write' | 'read' | 'none';

/** Write when the edit rule allows it, read for anyone else who may open it, none for a story that is gone or restricted from them. */
export async function storyAccess(db: Executor, user: CurrentUser | null, storyId: string): Promise<StoryAccess> {
  if (!user || !can(user, 'stories:view')) return 'none';
  const facts = await readStoryFacts(db, storyId);
  if (!facts || !canOpenStory(user, facts)) return 'none';
  return canEditStory(user, facts) ? 'write' : 'read';
}
