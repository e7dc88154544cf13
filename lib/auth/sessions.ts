import Bowser from 'bowser';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { users, userSessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';

// Server-side session rows: one per completed sign-in. The JWT carries the
// row's id; lib/auth/actor.ts checks it on every request.

export const signInMethods = ['password', 'totp', 'recovery', 'passkey'] as const;
export type SignInMethod = (typeof signInMethods)[number];

const MAX_AGENT = 512;

/** "Chrome 140" and "Linux · desktop", from the User-Agent header; empty when there is none. */
export function describeUserAgent(userAgent: string | null | undefined): { browser: string; device: string } {
  if (!userAgent) return { browser: '', device: '' };
  const parsed = Bowser.parse(userAgent.slice(0, MAX_AGENT));
  const version = parsed.browser.version?.split('.')[0];
  const browser = [parsed.browser.name, version].filter(Boolean).join(' ');
  const device = [parsed.os.name, parsed.platform.type].filter(Boolean).join(' · ');
  return { browser, device };
}

/** Records a completed sign-in: the session row, the user's last sign-in, the audit entry. Returns the session id. */
export async function startSession(
  db: Executor,
  input: { userId: string; sessionVersion: number; method: SignInMethod; userAgent: string | null; ip: string },
): Promise<string> {
  const at = now();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(userSessions)
      .values({ userId: input.userId, sessionVersion: input.sessionVersion, method: input.method, ...describeUserAgent(input.userAgent), ip: input.ip, createdAt: at, lastSeenAt: at })
      .returning({ id: userSessions.id });
    await tx.update(users).set({ lastSignInAt: at }).where(eq(users.id, input.userId));
    await recordAudit(tx, { actorId: input.userId, action: input.method === 'passkey' ? 'auth.sign_in_passkey' : 'auth.sign_in', targetType: 'user', targetId: input.userId, after: { method: input.method, sessionId: row!.id }, ip: input.ip });
    return row!.id;
  });
}

/** Ends the session a browser signs out of, with its audit entry. */
export async function endOwnSession(db: Executor, input: { userId: string; sessionId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: now() })
      .where(and(eq(userSessions.id, input.sessionId), eq(userSessions.userId, input.userId), isNull(userSessions.endedAt)))
      .returning({ ip: userSessions.ip });
    if (ended[0]) await recordAudit(tx, { actorId: input.userId, action: 'auth.sign_out', targetType: 'user', targetId: input.userId, after: { sessionId: input.sessionId }, ip: ended[0].ip });
  });
}
