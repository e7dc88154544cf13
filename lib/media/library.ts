import 'server-only';
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { media, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { firstRendition, mediaUrl } from './plan';
import type { MediaFilter, MediaTextInput } from './schemas';
import { getMediaStorage } from './storage';
import { mayOpenStory } from '@/lib/stories/facts';
import { findMediaUses, type MediaUse } from './usage';

// The media library: list, read, edit the text of, and delete images.

export const MEDIA_PAGE_SIZE = 24;

export type MediaItem = {
  id: string;
  fileName: string;
  width: number;
  height: number;
  state: 'processing' | 'ready' | 'failed';
  alt: string;
  caption: string;
  credit: string;
  source: string;
  placeholder: string;
  /** The rendition made at upload: always there, whatever the background job's progress. */
  previewUrl: string;
  uploaderId: string | null;
  uploaderName: string | null;
  createdAt: Date;
  canEdit: boolean;
  canDelete: boolean;
};

type Row = typeof media.$inferSelect & { uploaderName: string | null };

const canEditMedia = (actor: CurrentUser, uploaderId: string | null) => can(actor, 'media:edit-any') || (can(actor, 'media:upload') && uploaderId === actor.id);

export function toMediaItem(actor: CurrentUser, row: Row): MediaItem {
  return {
    id: row.id,
    fileName: row.fileName,
    width: row.width,
    height: row.height,
    state: row.state,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    source: row.source,
    placeholder: row.placeholder,
    previewUrl: mediaUrl(row.id, firstRendition(row.width).name),
    uploaderId: row.uploadedById,
    uploaderName: row.uploaderName,
    createdAt: row.createdAt,
    canEdit: canEditMedia(actor, row.uploadedById),
    canDelete: can(actor, 'media:delete'),
  };
}

function selectRows() {
  return getDb()
    .select({ row: media, uploaderName: users.displayName })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedById));
}

export async function listMedia(actor: CurrentUser | null, filter: MediaFilter): Promise<{ items: MediaItem[]; total: number; uploaders: { id: string; name: string }[] }> {
  authorize(actor, 'media:upload');
  const conditions: SQL[] = [];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(media.alt, like), ilike(media.caption, like), ilike(media.credit, like)) as SQL);
  }
  if (filter.uploader) conditions.push(eq(media.uploadedById, filter.uploader));
  if (filter.from) conditions.push(gte(media.createdAt, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) conditions.push(lt(media.createdAt, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const db = getDb();
  const [rows, [total], uploaders] = await Promise.all([
    selectRows()
      .where(where)
      .orderBy(desc(media.createdAt))
      .limit(MEDIA_PAGE_SIZE)
      .offset((filter.page - 1) * MEDIA_PAGE_SIZE),
    db.select({ n: count() }).from(media).where(where),
    db.selectDistinct({ id: users.id, name: users.displayName }).from(media).innerJoin(users, eq(users.id, media.uploadedById)),
  ]);
  return { items: rows.map((r) => toMediaItem(actor, { ...r.row, uploaderName: r.uploaderName })), total: total?.n ?? 0, uploaders };
}

export async function getMediaItem(actor: CurrentUser | null, id: string): Promise<{ item: MediaItem; uses: MediaUse[] } | null> {
  authorize(actor, 'media:upload');
  const [row] = await selectRows().where(eq(media.id, id));
  if (!row) return null;
  // What readers have is public; a working copy is named only to whoever may open that story (a restricted one is not).
  const uses = await findMediaUses(getDb(), id);
  const shown = await Promise.all(uses.map((use) => use.published || mayOpenStory(getDb(), actor, use.storyId)));
  return { item: toMediaItem(actor, { ...row.row, uploaderName: row.uploaderName }), uses: uses.filter((_use, index) => shown[index]) };
}

/** Writers edit the text of their own uploads; editors and admins anyone's. */
export async function updateMediaText(actor: CurrentUser | null, input: MediaTextInput, ip: string | null = null): Promise<Outcome<undefined>> {
  authorize(actor, 'media:upload');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(media).where(eq(media.id, input.id)).for('update');
    if (!row || !canEditMedia(actor, row.uploadedById)) return failure('errors.notFound');
    const after = { alt: input.alt, caption: input.caption, credit: input.credit, source: input.source };
    await tx.update(media).set({ ...after, updatedAt: now() }).where(eq(media.id, row.id));
    await recordAudit(tx, { actorId: actor.id, action: 'media.edit', targetType: 'media', targetId: row.id, before: { alt: row.alt, caption: row.caption, credit: row.credit, source: row.source }, after, ip });
    return success(undefined);
  });
}

/** Editors and admins delete an image no story uses; its files go after the row, so a failure leaves the row intact. */
export async function deleteMedia(actor: CurrentUser | null, id: string, ip: string | null = null): Promise<Outcome<undefined>> {
  authorize(actor, 'media:delete');
  const outcome = await getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(media).where(eq(media.id, id)).for('update');
    if (!row) return failure('errors.notFound');
    const uses = await findMediaUses(tx, id);
    if (uses.some((use) => use.published)) return failure('media.errors.inPublishedUse');
    if (uses.length > 0) return failure('media.errors.inUse');
    await tx.delete(media).where(eq(media.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'media.delete', targetType: 'media', targetId: id, before: { fileName: row.fileName, alt: row.alt }, ip });
    return success(undefined);
  });
  if (outcome.ok) await getMediaStorage().deleteAll(id);
  return outcome;
}
