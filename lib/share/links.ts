import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { shareLinks, stories, users } from '@/db/schema';
import { recordStoryAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { mayOpenStory } from '@/lib/stories/facts';
import type { Article } from '@/lib/reader/queries';
import { workingCopyArticle } from '@/lib/stories/preview';
import { readShareToken, shareSecret, signShareToken } from './token';

// Share links: an editor lets someone outside the newsroom read the live
// working copy of one story, read-only, until the link expires or is revoked.

/** The lifetimes an editor chooses from; never longer than 7 days. */
export const SHARE_LIFETIMES_HOURS = [1, 24, 72, 168] as const;

export type ShareLinkView = { id: string; url: string | null; createdByName: string | null; createdAt: Date; expiresAt: Date; revokedAt: Date | null; active: boolean };

const sharePath = (token: string) => `/share/${token}`;

export async function createShareLink(actor: CurrentUser | null, input: { storyId: string; hours: number }): Promise<Outcome<{ url: string }>> {
  authorize(actor, 'stories:share');
  if (!(SHARE_LIFETIMES_HOURS as readonly number[]).includes(input.hours)) return failure('errors.invalidChoice', { hours: 'errors.invalidChoice' });
  const db = getDb();
  const [story] = await db.select({ id: stories.id, archivedAt: stories.archivedAt }).from(stories).where(eq(stories.id, input.storyId));
  if (!story || story.archivedAt || !(await mayOpenStory(db, actor, story.id))) return failure('errors.notFound');
  // Whole seconds, as the token carries them, so the row and the token agree exactly.
  const expiresAt = new Date(Math.floor(now().getTime() / 1000) * 1000 + input.hours * 3_600_000);
  const link = await db.transaction(async (tx) => {
    const [row] = await tx.insert(shareLinks).values({ storyId: story.id, createdById: actor.id, expiresAt, createdAt: now() }).returning({ id: shareLinks.id });
    await recordStoryAudit(tx, { actorId: actor.id, action: 'share.create', storyId: story.id, after: { expiresAt: expiresAt.toISOString() } });
    return row;
  });
  return success({ url: sharePath(signShareToken({ linkId: (link as { id: string }).id, expiresAt }, shareSecret())) });
}

const creator = alias(users, 'creator');

/** The story's links, newest first. The URL of a live one can be shown again: it is derived, never stored. */
export async function listShareLinks(actor: CurrentUser | null, storyId: string): Promise<ShareLinkView[]> {
  authorize(actor, 'stories:share');
  if (!(await mayOpenStory(getDb(), actor, storyId))) return [];
  const rows = await getDb()
    .select({ link: shareLinks, createdByName: creator.displayName })
    .from(shareLinks)
    .leftJoin(creator, eq(creator.id, shareLinks.createdById))
    .where(eq(shareLinks.storyId, storyId))
    .orderBy(desc(shareLinks.createdAt));
  const at = now().getTime();
  return rows.map(({ link, createdByName }) => {
    const active = !link.revokedAt && link.expiresAt.getTime() > at;
    return {
      id: link.id,
      url: active ? sharePath(signShareToken({ linkId: link.id, expiresAt: link.expiresAt }, shareSecret())) : null,
      createdByName,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
      active,
    };
  });
}

export async function revokeShareLink(actor: CurrentUser | null, linkId: string): Promise<Outcome> {
  authorize(actor, 'stories:share');
  const [link] = await getDb().select({ storyId: shareLinks.storyId }).from(shareLinks).where(eq(shareLinks.id, linkId));
  if (!link || !(await mayOpenStory(getDb(), actor, link.storyId))) return failure('errors.notFound');
  return getDb().transaction(async (tx) => {
    const [revoked] = await tx
      .update(shareLinks)
      .set({ revokedAt: now(), revokedById: actor.id })
      .where(and(eq(shareLinks.id, linkId), isNull(shareLinks.revokedAt)))
      .returning({ storyId: shareLinks.storyId, expiresAt: shareLinks.expiresAt });
    if (!revoked) return failure('errors.notFound');
    await recordStoryAudit(tx, { actorId: actor.id, action: 'share.revoke', storyId: revoked.storyId, before: { expiresAt: revoked.expiresAt.toISOString() } });
    return success(undefined);
  });
}

// Looked up when a token is malformed or badly signed, so every refusal costs the same database read.
const NO_LINK = '00000000-0000-0000-0000-000000000000';

/**
 * The story behind a share token, for anyone holding it; null for a
 * tampered, expired or revoked token alike. Each of the three does the same
 * work (one lookup of the link row), so neither the answer nor its timing
 * tells which it was; only a valid link goes on to read the story.
 */
export async function openSharedStory(token: string): Promise<Article | null> {
  const claims = readShareToken(token, shareSecret());
  const db = getDb();
  const [link] = await db.select().from(shareLinks).where(eq(shareLinks.id, claims?.linkId ?? NO_LINK));
  const valid = !!claims && !!link && !link.revokedAt && link.expiresAt.getTime() === claims.expiresAt.getTime() && claims.expiresAt.getTime() > now().getTime();
  return valid ? workingCopyArticle(db, link.storyId) : null;
}
