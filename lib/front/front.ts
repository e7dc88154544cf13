import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { frontPageSlots, publishedStories, sections } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { newestFirst } from '@/lib/reader/order';

// The curated home page: which live story leads, and which follow in what order.

export const MAX_TOP_STORIES = 8;

export type FrontCandidate = { storyId: string; headline: string; sectionName: string; publishedAt: Date };
export type FrontState = { lead: string | null; top: string[]; candidates: FrontCandidate[] };

/** The current slots and the live stories an editor can choose from (the newest 60, plus any already placed). */
export async function getFrontState(actor: CurrentUser | null): Promise<FrontState> {
  authorize(actor, 'front:manage');
  const db = getDb();
  const slots = await db.select().from(frontPageSlots).orderBy(asc(frontPageSlots.position));
  const columns = { storyId: publishedStories.storyId, headline: publishedStories.headline, sectionName: sections.name, publishedAt: publishedStories.publishedAt };
  const live = eq(publishedStories.state, 'published');
  const [recent, placed] = await Promise.all([
    db.select(columns).from(publishedStories).innerJoin(sections, eq(sections.id, publishedStories.sectionId)).where(live).orderBy(newestFirst).limit(60),
    slots.length
      ? db.select(columns).from(publishedStories).innerJoin(sections, eq(sections.id, publishedStories.sectionId)).where(and(live, inArray(publishedStories.storyId, slots.map((slot) => slot.storyId))))
      : [],
  ]);
  const candidates = new Map<string, FrontCandidate>();
  for (const story of [...placed, ...recent]) candidates.set(story.storyId, story);
  // A placed story that is no longer live drops out here, as it does on the home page.
  const isLive = (id: string) => placed.some((story) => story.storyId === id);
  return {
    lead: slots.find((slot) => slot.position === 0 && isLive(slot.storyId))?.storyId ?? null,
    top: slots.filter((slot) => slot.position > 0 && isLive(slot.storyId)).map((slot) => slot.storyId),
    candidates: [...candidates.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()),
  };
}

/** Replaces the lead and the top stories at once. Every story must be live, and each appears once. */
export async function setFrontPage(actor: CurrentUser | null, input: { lead: string | null; top: string[] }, context: { ip?: string } = {}): Promise<Outcome> {
  authorize(actor, 'front:manage');
  const ids = [...(input.lead ? [input.lead] : []), ...input.top];
  if (new Set(ids).size !== ids.length) return failure('errors.front.duplicate');
  if (input.top.length > MAX_TOP_STORIES) return failure('errors.front.tooMany');
  return getDb().transaction(async (tx) => {
    // Two editors saving at once take turns, rather than one failing on the other's half-written slots.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sahifa:front-page'))`);
    const live = ids.length
      ? await tx.select({ id: publishedStories.storyId }).from(publishedStories).where(and(eq(publishedStories.state, 'published'), inArray(publishedStories.storyId, ids)))
      : [];
    if (live.length !== ids.length) return failure('errors.front.notLive');
    const before = await tx.select({ position: frontPageSlots.position, storyId: frontPageSlots.storyId }).from(frontPageSlots).orderBy(asc(frontPageSlots.position));
    await tx.delete(frontPageSlots);
    const at = now();
    const rows = [
      ...(input.lead ? [{ position: 0, storyId: input.lead }] : []),
      ...input.top.map((storyId, index) => ({ position: index + 1, storyId })),
    ].map((row) => ({ ...row, updatedById: actor.id, updatedAt: at }));
    if (rows.length) await tx.insert(frontPageSlots).values(rows);
    await recordAudit(tx, { actorId: actor.id, action: 'front.update', targetType: 'front_page', before, after: rows.map(({ position, storyId }) => ({ position, storyId })), ip: context.ip });
    return success(undefined);
  });
}
