import 'server-only';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor } from '@/db';
import { apiKeys, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { addMs, now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { bearerKey, hashApiKey, newApiKey } from './key-token';
import type { IssueApiKeyInput } from './schemas';

// Keys of the content API: an admin issues one (shown once), and revokes it;
// both are audited. Requests present it as a bearer token and are matched by
// its SHA-256, so the database never holds a usable key.

type Context = { ip: string };
export type ApiKeyView = { id: string; name: string; prefix: string; createdByName: string | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
export type IssuedApiKey = { id: string; name: string; key: string };

export async function issueApiKey(actor: CurrentUser | null, input: IssueApiKeyInput, ctx: Context): Promise<Outcome<IssuedApiKey>> {
  authorize(actor, 'api-keys:manage');
  const { key, prefix, hash } = newApiKey();
  return getDb().transaction(async (tx) => {
    const [row] = await tx.insert(apiKeys).values({ name: input.name, prefix, keyHash: hash, createdById: actor.id, createdAt: now() }).returning({ id: apiKeys.id });
    const id = (row as { id: string }).id;
    await recordAudit(tx, { actorId: actor.id, action: 'api_key.issue', targetType: 'api_key', targetId: id, after: { name: input.name, prefix }, ip: ctx.ip });
    return success({ id, name: input.name, key });
  });
}

export async function revokeApiKey(actor: CurrentUser | null, input: { id: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'api-keys:manage');
  return getDb().transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: now(), revokedById: actor.id })
      .where(and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name, prefix: apiKeys.prefix });
    if (!revoked) return failure('errors.notFound');
    await recordAudit(tx, { actorId: actor.id, action: 'api_key.revoke', targetType: 'api_key', targetId: input.id, before: revoked, ip: ctx.ip });
    return success(undefined);
  });
}

const creator = alias(users, 'creator');

/** Every key, live ones first, newest first. */
export async function listApiKeys(actor: CurrentUser | null): Promise<ApiKeyView[]> {
  authorize(actor, 'api-keys:manage');
  return getDb()
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdByName: creator.displayName, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .leftJoin(creator, eq(creator.id, apiKeys.createdById))
    .orderBy(desc(isNull(apiKeys.revokedAt)), desc(apiKeys.createdAt));
}

// Last use is written at most this often, so most requests only read.
const LAST_USED_EVERY_MS = 60_000;

/** The live key an Authorization header presents, or null (none, malformed, unknown or revoked: the same answer). */
export async function authenticateApiKey(db: Executor, authorization: string | null): Promise<{ id: string; prefix: string } | null> {
  const key = bearerKey(authorization);
  if (!key) return null;
  const [row] = await db
    .select({ id: apiKeys.id, prefix: apiKeys.prefix, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const stale = addMs(now(), -LAST_USED_EVERY_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    // The condition repeats in SQL so concurrent requests write once.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now() })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  return { id: row.id, prefix: row.prefix };
}
