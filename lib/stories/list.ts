import 'server-only';
import { and, asc, count, desc, eq, exists, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { authors, searchVectorOf, sections, stories, storyAuthors } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize } from '@/lib/dal';
import { queueCondition, queueOrder } from '@/lib/desk/queue-sql';
import { openableBy } from '@/lib/desk/scope-sql';
import { prepareQuery } from '@/lib/search/compile';
import { parseSearchQuery } from '@/lib/search/query-syntax';
import type { EditorialState, PublicationState } from './rules';
import type { StoryFilter } from './schemas';

export const STORY_PAGE_SIZE = 25;

export type StoryListRow = {
  id: string;
  headline: string;
  editorialState: EditorialState;
  publicationState: PublicationState;
  sectionName: string | null;
  authorNames: string[];
  updatedAt: Date;
  scheduledFor: Date | null;
};

/** A story's byline names in order, aggregated in SQL so a list never fetches them per row. */
export const authorNames = sql<string[]>`coalesce((
    select array_agg(${authors.name} order by ${storyAuthors.position})
    from ${storyAuthors} join ${authors} on ${authors.id} = ${storyAuthors.authorId}
    where ${storyAuthors.storyId} = ${stories.id}), '{}')`;

/**
 * The text filter: the readers' search (same syntax, normalization, proclitics
 * and stemming) over the working copies' headline, standfirst and text, through
 * the expression index stories_search_idx. Nothing searchable matches nothing.
 */
async function searchCondition(q: string): Promise<SQL> {
  const prepared = await prepareQuery(getDb(), parseSearchQuery(q));
  if (!prepared) return sql`false`;
  return sql`${searchVectorOf(stories.headline, stories.standfirst, stories.plainText)} @@ ${prepared.tsquery}::tsquery`;
}

/** One page of stories plus the total, in two indexed queries; bylines are aggregated in SQL, not fetched per row. */
export async function listStories(actor: CurrentUser | null, filter: StoryFilter, options: { timeZone: string }): Promise<{ rows: StoryListRow[]; total: number }> {
  authorize(actor, 'stories:view');
  // A restricted story is not in anyone's list, nor found by their search, unless they may open it.
  const conditions: SQL[] = [isNull(stories.archivedAt), openableBy(actor)];
  // A desk queue narrows the list to exactly what the dashboard counted, in the queue's own order.
  if (filter.queue) conditions.push(queueCondition(filter.queue, { actor, now: now(), timeZone: options.timeZone }));
  if (filter.q) conditions.push(await searchCondition(filter.q));
  if (filter.state) conditions.push(eq(stories.editorialState, filter.state));
  if (filter.publication) conditions.push(eq(stories.publicationState, filter.publication));
  if (filter.section) conditions.push(eq(stories.sectionId, filter.section));
  if (filter.author) {
    conditions.push(exists(getDb().select({ one: sql`1` }).from(storyAuthors).where(and(eq(storyAuthors.storyId, stories.id), eq(storyAuthors.authorId, filter.author)))));
  }
  const where = and(...conditions);
  const db = getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: stories.id,
        headline: stories.headline,
        editorialState: stories.editorialState,
        publicationState: stories.publicationState,
        sectionName: sections.name,
        authorNames,
        updatedAt: stories.updatedAt,
        scheduledFor: stories.scheduledFor,
      })
      .from(stories)
      .leftJoin(sections, eq(sections.id, stories.sectionId))
      .where(where)
      .orderBy(...(filter.queue ? queueOrder(filter.queue) : [desc(stories.updatedAt), asc(stories.id)]))
      .limit(STORY_PAGE_SIZE)
      .offset((filter.page - 1) * STORY_PAGE_SIZE),
    db.select({ n: count() }).from(stories).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type Option = { id: string; name: string };

/** Sections and author profiles for pickers and filters. */
export async function listPickers(actor: CurrentUser | null): Promise<{ sections: Option[]; authors: Option[] }> {
  authorize(actor, 'stories:view');
  const db = getDb();
  const [sectionRows, authorRows] = await Promise.all([
    db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)),
    db.select({ id: authors.id, name: authors.name }).from(authors).orderBy(asc(authors.name)),
  ]);
  return { sections: sectionRows, authors: authorRows };
}
