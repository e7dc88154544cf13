import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/index';
import { authors, notifications, sections, stories, storyAuthors, users, workflowEvents } from '@/db/schema';
import { paragraphsToDoc } from '@/lib/content/document';

// A newsroom's worth of stories for the desk benchmark: mostly published
// archive, with drafts, reviews, send-backs, approvals, schedules, take-downs
// and archived stories spread over the demo staff and fifty more bylines, as
// the queues would see them after a couple of years. Rows are written in bulk;
// revisions are not needed by the queues (they only compare revision ids).

type Kind = 'published' | 'draft' | 'in_review' | 'changes_requested' | 'ready' | 'scheduled' | 'pulled' | 'archived';

/** Shares of each kind, out of 1000. */
const MIX: [Kind, number][] = [
  ['published', 790],
  ['draft', 60],
  ['in_review', 30],
  ['changes_requested', 20],
  ['ready', 30],
  ['scheduled', 5],
  ['pulled', 40],
  ['archived', 25],
];

const DAY = 86_400_000;

/** Deterministic, so two runs measure the same newsroom. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function seedDeskStories(db: Database, total: number): Promise<void> {
  const next = random(42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const demo = await db.select({ id: users.id, role: users.role, authorId: authors.id }).from(users).leftJoin(authors, eq(authors.userId, users.id)).where(inArray(users.email, ['writer@sahifa.test', 'editor@sahifa.test', 'admin@sahifa.test']));
  const byRole = Object.fromEntries(demo.map((user) => [user.role, user])) as Record<'writer' | 'editor' | 'admin', (typeof demo)[number]>;
  const extraAuthors = await db
    .insert(authors)
    .values(Array.from({ length: 50 }, (_, i) => ({ name: `كاتب ${i + 1}`, slug: `bench-author-${i + 1}-${randomUUID().slice(0, 6)}` })))
    .returning({ id: authors.id });
  const authorPool = [...extraAuthors.map((a) => a.id), byRole.writer.authorId, byRole.editor.authorId].filter((id): id is string => !!id);
  const [section] = await db.select({ id: sections.id }).from(sections).limit(1);
  const sectionId = section?.id ?? null;
  const body = paragraphsToDoc(['فقرة للقياس.']);
  const now = Date.now();
  const kinds: Kind[] = MIX.flatMap(([kind, share]) => Array<Kind>(share).fill(kind));

  for (let offset = 0; offset < total; offset += 500) {
    const rows: (typeof stories.$inferInsert)[] = [];
    const bylines: (typeof storyAuthors.$inferInsert)[] = [];
    const events: (typeof workflowEvents.$inferInsert)[] = [];
    for (let i = offset; i < Math.min(total, offset + 500); i++) {
      const id = randomUUID();
      // Stepping by a prime spreads the kinds evenly over any number of stories.
      const kind = kinds[(i * 7919) % kinds.length] as Kind;
      const creator = next() < 0.15 ? byRole.writer.id : next() < 0.1 ? byRole.editor.id : null;
      const updatedAt = new Date(now - Math.floor(next() * 700 * DAY));
      const revision = randomUUID();
      const published = kind === 'published' || kind === 'pulled' || (kind === 'ready' && next() < 0.3);
      const publishedAt = kind === 'published' && next() < 0.01 ? new Date(now - Math.floor(next() * 3_600_000)) : updatedAt;
      rows.push({
        id,
        headline: `خبر للقياس رقم ${i + 1}`,
        slug: `bench-${i + 1}-${id.slice(0, 8)}`,
        body,
        plainText: 'فقرة للقياس.',
        sectionId,
        createdById: creator,
        updatedAt,
        createdAt: updatedAt,
        editorialState: kind === 'draft' || kind === 'archived' ? 'draft' : kind === 'in_review' ? 'in_review' : kind === 'changes_requested' ? 'changes_requested' : 'approved',
        archivedAt: kind === 'archived' ? updatedAt : null,
        assignedEditorId: kind === 'in_review' ? pick([byRole.editor.id, byRole.admin.id, null, null]) : null,
        approvedRevisionId: kind === 'draft' || kind === 'archived' || kind === 'in_review' ? null : kind === 'ready' || kind === 'scheduled' ? randomUUID() : revision,
        publishedRevisionId: published ? revision : null,
        publicationState: kind === 'pulled' ? pick(['taken_down', 'retracted'] as const) : published ? 'published' : 'unpublished',
        firstPublishedAt: published ? publishedAt : null,
        lastPublishedAt: published ? publishedAt : null,
        publicationChangedAt: kind === 'pulled' ? new Date(now - Math.floor(next() * 90 * DAY)) : published ? publishedAt : null,
        scheduledFor: kind === 'scheduled' ? new Date(now + Math.floor(next() * 7 * DAY) + 3_600_000) : null,
      });
      const first = pick(authorPool);
      bylines.push({ storyId: id, authorId: first, position: 0 });
      if (next() < 0.3) {
        const second = pick(authorPool);
        if (second !== first) bylines.push({ storyId: id, authorId: second, position: 1 });
      }
      if (kind === 'changes_requested') {
        events.push({ storyId: id, action: 'request_changes', fromEditorial: 'in_review', toEditorial: 'changes_requested', actorId: byRole.editor.id, reason: 'أضف مصدرًا ثانيًا', createdAt: updatedAt });
      }
    }
    await db.insert(stories).values(rows);
    await db.insert(storyAuthors).values(bylines);
    if (events.length > 0) await db.insert(workflowEvents).values(events);
    // The editor's inbox fills up too, so the bell reads a real index.
    await db.insert(notifications).values(rows.slice(0, 50).map((row) => ({ userId: byRole.editor.id, kind: 'submitted' as const, storyId: row.id as string, actorId: byRole.writer.id, readAt: next() < 0.9 ? new Date() : null })));
  }
}
