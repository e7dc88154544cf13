import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { userTokens } from '@/db/schema';
import { addMs, now } from '@/lib/clock';
import { getEnv } from '@/lib/env';

export type TokenKind = 'invitation' | 'password_reset';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function tokenTtlMs(kind: TokenKind): number {
  const env = getEnv();
  return (kind === 'invitation' ? env.INVITATION_TTL_HOURS : env.PASSWORD_RESET_TTL_HOURS) * 3_600_000;
}

export function tokenUrl(token: string): string {
  return new URL(`/login/password/${token}`, getEnv().SITE_URL).toString();
}

/** Issues a one-time link, retiring any earlier unused link of the user: only the newest works. */
export async function issueToken(tx: Executor, input: { userId: string; kind: TokenKind; createdById: string | null }): Promise<{ token: string; expiresAt: Date }> {
  const at = now();
  await tx
    .update(userTokens)
    .set({ usedAt: at })
    .where(and(eq(userTokens.userId, input.userId), isNull(userTokens.usedAt)));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = addMs(at, tokenTtlMs(input.kind));
  await tx.insert(userTokens).values({ userId: input.userId, kind: input.kind, tokenHash: hashToken(token), expiresAt, createdById: input.createdById, createdAt: at });
  return { token, expiresAt };
}

/** A token that is known, unused and unexpired; null otherwise, without saying which. */
export async function findUsableToken(db: Executor, token: string) {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now())));
  return row ?? null;
}
