import { and, asc, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { publishedStories, sections } from '@/db/schema';
import { apiAuthor, apiSection, apiStory, apiTag, type ApiAuthor, type ApiSection, type ApiStory, type ApiTag } from './dto';
import { encodeCursor, type SlugPageQuery, type StoriesQuery } from './params';

// The content API's reads. Only what readers may see: live rows of the
// published projection (never a working copy, a draft, or a story taken down
// or retracted), sections that are not archived, and the tags and authors of
// live stories (a staff member's byline profile with nothing published stays
// private). Keyset pagination, so a page is one indexed read however deep.
// Not server-only: webhook payloads are read with getStory in the publishing
// transaction, which the job runner also runs outside Next.

export type Page<T> = { data: T[]; next_cursor: string | null };

const live = eq(publishedStories.state, 'published');

const storyColumns = {
  storyId: publishedStories.storyId,
  slug: publishedStories.slug,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  language: publishedStories.language,
  kicker: publishedStories.kicker,
  headline: publishedStories.headline,
  subheadline: publishedStories.subheadline,
  standfirst: publishedStories.standfirst,
  body: publishedStories.body,
  plainText: publishedStories.plainText,
  leadImage: publishedStories.leadImage,
  bylines: publishedStories.bylines,
  tags: publishedStories.tags,
  notes: publishedStories.notes,
  seoTitle: publishedStories.seoTitle,
  seoDescription: publishedStories.seoDescription,
  publishedAt: publishedStories.publishedAt,
  updatedAt: publishedStories.updatedAt,
};

const contains = (column: typeof publishedStories.tags | typeof publishedStories.bylines, slug: string) => sql`${column} @> ${JSON.stringify([{ slug }])}::jsonb`;

/** One page of live stories: newest first, or (order=updated) oldest change first, for syncing with updated_since. */
export async function listStories(db: Executor, siteUrl: string, query: StoriesQuery): Promise<Page<ApiStory>> {
  const newest = query.order === 'newest';
  const sort = newest ? publishedStories.publishedAt : publishedStories.updatedAt;
  const conditions: SQL[] = [live];
  if (query.updated_since) conditions.push(gte(publishedStories.updatedAt, query.updated_since));
  if (query.section) conditions.push(eq(sections.slug, query.section));
  if (query.tag) conditions.push(contains(publishedStories.tags, query.tag));
  if (query.author) conditions.push(contains(publishedStories.bylines, query.author));
  if (query.cursor) {
    const after = sql`(${query.cursor.value}::timestamptz, ${query.cursor.id}::uuid)`;
    conditions.push(newest ? sql`(${sort}, ${publishedStories.storyId}) < ${after}` : sql`(${sort}, ${publishedStories.storyId}) > ${after}`);
  }
  const rows = await db
    .select({ ...storyColumns, sortText: sql<string>`${sort}::text` })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(...conditions))
    // "desc nulls last", like the reader indexes (lib/reader/order.ts), so Postgres reads the index in order.
    .orderBy(...(newest ? [sql`${sort} desc nulls last`, sql`${publishedStories.storyId} desc`] : [asc(sort), asc(publishedStories.storyId)]))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => apiStory(siteUrl, row)),
    next_cursor: rows.length > query.limit && last ? encodeCursor({ order: query.order, value: last.sortText, id: last.storyId }) : null,
  };
}

/** One live story, or null for one readers cannot see (unknown, a draft, taken down, retracted). */
export async function getStory(db: Executor, siteUrl: string, storyId: string): Promise<ApiStory | null> {
  const [row] = await db
    .select(storyColumns)
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(live, eq(publishedStories.storyId, storyId)));
  return row ? apiStory(siteUrl, row) : null;
}

/** Every section readers can open (archived ones answer 410 to readers and are left out), in navigation order. */
export async function listSections(db: Executor, siteUrl: string): Promise<Page<ApiSection>> {
  const rows = await db.select().from(sections).where(isNull(sections.archivedAt)).orderBy(asc(sections.position), asc(sections.name));
  return { data: rows.map((row) => apiSection(siteUrl, row)), next_cursor: null };
}

type Counted = { slug: string; name: string; stories: number };

/** Rows of `select … order by slug limit n+1` as a page with its cursor. */
function slugPage<R extends Counted, T>(rows: R[], query: SlugPageQuery, map: (row: R) => T): Page<T> {
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(map), next_cursor: rows.length > query.limit && last ? encodeCursor({ order: 'slug', value: last.slug, id: last.slug }) : null };
}

const afterSlug = (column: SQL, query: SlugPageQuery) => (query.cursor ? sql`and ${column} > ${query.cursor.value}` : sql``);

/** Tags on at least one live story, by slug, with how many live stories carry each. */
export async function listTags(db: Executor, siteUrl: string, query: SlugPageQuery): Promise<Page<ApiTag>> {
  const rows = await db.execute<Counted & { description: string }>(sql`
    select t.slug, t.name, t.description, count(*)::int as stories
    from published_stories p cross join lateral jsonb_array_elements(p.tags) as ref(tag)
    join tags t on t.id = (ref.tag->>'id')::uuid
    where p.state = 'published' ${afterSlug(sql`t.slug`, query)}
    group by t.id order by t.slug limit ${query.limit + 1}`);
  return slugPage([...rows], query, (row) => apiTag(siteUrl, row));
}

/** Authors on the byline of at least one live story, by slug. */
export async function listAuthors(db: Executor, siteUrl: string, query: SlugPageQuery): Promise<Page<ApiAuthor>> {
  const rows = await db.execute<Counted & { job_title: string | null; bio: string | null }>(sql`
    select a.slug, a.name, a.job_title, a.bio, count(*)::int as stories
    from published_stories p cross join lateral jsonb_array_elements(p.bylines) as ref(byline)
    join authors a on a.id = (ref.byline->>'id')::uuid
    where p.state = 'published' ${afterSlug(sql`a.slug`, query)}
    group by a.id order by a.slug limit ${query.limit + 1}`);
  return slugPage([...rows], query, (row) => apiAuthor(siteUrl, { ...row, jobTitle: row.job_title }));
}
