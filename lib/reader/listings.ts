import 'server-only';
import { and, asc, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db';
import { authors, frontPageSlots, publishedStories, sections } from '@/db/schema';
import { authorTag, FRONT_TAG, LATEST_TAG, SECTIONS_TAG, sectionTag, tagTag } from './cache-tags';
import { inNavigation, lookupSection, lookupTag, type Owner, type OwnerLookup } from './section-lookup';
import { cardColumns, reviveCard, type StoryCard } from './queries';
import { newestFirst } from './order';

// The reader's listings: the curated home, and paginated section, tag and
// author pages. Each reads only live rows of the published projection, in
// one or two indexed queries, cached under the tags that publishing expires.

export const PAGE_SIZE = 20;

const live = eq(publishedStories.state, 'published');

async function cards(where: SQL, options: { limit: number; offset?: number }) {
  return getDb()
    .select(cardColumns)
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(live, where))
    .orderBy(newestFirst)
    .limit(options.limit)
    .offset(options.offset ?? 0);
}

async function total(where: SQL): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(publishedStories).where(and(live, where));
  return row?.n ?? 0;
}

export type Listing = { slug: string; name: string; stories: StoryCard[]; page: number; pages: number; total: number };
export type AuthorListing = Listing & { jobTitle: string | null; bio: string | null };

/** A page of a listing; null for an unknown owner or a page past the last (page 1 always exists). */
function paged<T extends { slug: string }>(owner: T | undefined, where: (owner: T) => SQL, page: number) {
  return async () => {
    if (!owner) return null;
    const condition = where(owner);
    const n = await total(condition);
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE));
    if (page > pages) return null;
    return { owner, stories: await cards(condition, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), page, pages, total: n };
  };
}

const revive = <L extends { stories: StoryCard[] }>(listing: L | null): L | null => listing && { ...listing, stories: listing.stories.map(reviveCard) };

/** A section or tag page: the listing with its description, or where its old slug now lives. */
export type OwnedPage = { kind: 'listing'; listing: Listing & { description: string } } | { kind: 'redirect'; slug: string } | null;

async function ownedPage(lookup: OwnerLookup, where: (owner: Owner) => SQL, page: number): Promise<OwnedPage> {
  if (lookup.kind === 'redirect') return lookup;
  if (lookup.kind !== 'found') return null;
  const result = await paged(lookup.owner, where, page)();
  if (!result) return null;
  const { slug, name, description } = result.owner;
  return { kind: 'listing', listing: { slug, name, description, stories: result.stories, page, pages: result.pages, total: result.total } };
}

const reviveOwned = (owned: OwnedPage): OwnedPage => (owned?.kind === 'listing' ? { kind: 'listing', listing: revive(owned.listing)! } : owned);

export async function getSectionPage(slug: string, page: number): Promise<OwnedPage> {
  const read = unstable_cache(
    async () => ownedPage(await lookupSection(getDb(), slug), (s) => eq(publishedStories.sectionId, s.id), page),
    ['section-page', slug, String(page)],
    { tags: [sectionTag(slug)] },
  );
  return reviveOwned(await read());
}

export async function getTagPage(slug: string, page: number): Promise<OwnedPage> {
  const read = unstable_cache(
    // Containment on the GIN (jsonb_path_ops) index of the projected tags.
    async () => ownedPage(await lookupTag(getDb(), slug), (t) => sql`${publishedStories.tags} @> ${JSON.stringify([{ slug: t.slug }])}::jsonb`, page),
    ['tag-page', slug, String(page)],
    { tags: [tagTag(slug), LATEST_TAG] },
  );
  return reviveOwned(await read());
}

export async function getAuthorPage(slug: string, page: number): Promise<AuthorListing | null> {
  const read = unstable_cache(
    async () => {
      const [author] = await getDb().select().from(authors).where(eq(authors.slug, slug));
      const result = await paged(author, (a) => sql`${publishedStories.bylines} @> ${JSON.stringify([{ slug: a.slug }])}::jsonb`, page)();
      return (
        result && {
          slug: result.owner.slug,
          name: result.owner.name,
          jobTitle: result.owner.jobTitle,
          bio: result.owner.bio,
          stories: result.stories,
          page,
          pages: result.pages,
          total: result.total,
        }
      );
    },
    ['author-page', slug, String(page)],
    { tags: [authorTag(slug), LATEST_TAG] },
  );
  return revive(await read());
}

export type FrontPage = { lead: StoryCard | null; top: StoryCard[]; latest: StoryCard[]; sections: { slug: string; name: string; stories: StoryCard[] }[] };

const SECTION_BLOCK = 4;
const LATEST_ON_HOME = 10;

/**
 * The home page in three reads: the curated slots (live ones only, in
 * order), the latest stories not already shown, and the newest few of every
 * section in one windowed query.
 */
export async function getFrontPage(): Promise<FrontPage> {
  const read = unstable_cache(
    async () => {
      const db = getDb();
      const curated = await db
        .select({ position: frontPageSlots.position, ...cardColumns })
        .from(frontPageSlots)
        .innerJoin(publishedStories, eq(publishedStories.storyId, frontPageSlots.storyId))
        .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
        .where(live)
        .orderBy(asc(frontPageSlots.position));
      const lead = curated.find((slot) => slot.position === 0) ?? null;
      const top = curated.filter((slot) => slot.position > 0);
      const shown = curated.map((slot) => slot.storyId);
      const latest = await cards(shown.length ? sql`${publishedStories.storyId} not in ${shown}` : sql`true`, { limit: LATEST_ON_HOME });
      // A subquery's columns need names of their own: two of the card's are both called "slug".
      const ranked = db
        .select({
          storyId: sql<string>`${publishedStories.storyId}`.as('story_id'),
          slug: sql<string>`${publishedStories.slug}`.as('story_slug'),
          sectionSlug: sql<string>`${sections.slug}`.as('section_slug'),
          sectionName: sql<string>`${sections.name}`.as('section_name'),
          kicker: sql<string>`${publishedStories.kicker}`.as('kicker'),
          headline: sql<string>`${publishedStories.headline}`.as('headline'),
          standfirst: sql<string>`${publishedStories.standfirst}`.as('standfirst'),
          publishedAt: sql<Date>`${publishedStories.publishedAt}`.mapWith(publishedStories.publishedAt).as('published_at'),
          sectionPosition: sql<number>`${sections.position}`.as('section_position'),
          rank: sql<number>`row_number() over (partition by ${publishedStories.sectionId} order by ${newestFirst})`.as('rank'),
        })
        .from(publishedStories)
        .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
        .where(live)
        .as('ranked');
      const blocks = await db.select().from(ranked).where(sql`${ranked.rank} <= ${SECTION_BLOCK}`).orderBy(asc(ranked.sectionPosition), asc(ranked.sectionSlug), asc(ranked.rank));
      const bySection = new Map<string, { slug: string; name: string; stories: StoryCard[] }>();
      for (const row of blocks) {
        const card = toCard(row);
        const block = bySection.get(card.sectionSlug) ?? { slug: card.sectionSlug, name: card.sectionName, stories: [] };
        block.stories.push(card);
        bySection.set(card.sectionSlug, block);
      }
      return { lead: lead && toCard(lead), top: top.map(toCard), latest, sections: [...bySection.values()] };
    },
    ['front-page'],
    { tags: [FRONT_TAG, LATEST_TAG] },
  );
  const front = await read();
  return {
    lead: front.lead && reviveCard(front.lead),
    top: front.top.map(reviveCard),
    latest: front.latest.map(reviveCard),
    sections: front.sections.map((block) => ({ ...block, stories: block.stories.map(reviveCard) })),
  };
}

/** Just the card, from a row that also carries the columns it was ranked or placed by. */
const toCard = (row: StoryCard): StoryCard => ({
  storyId: row.storyId,
  slug: row.slug,
  sectionSlug: row.sectionSlug,
  sectionName: row.sectionName,
  kicker: row.kicker,
  headline: row.headline,
  standfirst: row.standfirst,
  publishedAt: row.publishedAt,
});

const RELATED = 4;

/** Stories that share the most tags with this one, then the newest of its section; never itself. */
export async function getRelated(story: { storyId: string; sectionId: string; tags: { slug: string }[] }): Promise<StoryCard[]> {
  const slugs = story.tags.map((tag) => tag.slug).sort();
  const read = unstable_cache(
    async () => {
      const db = getDb();
      const shared = slugs.length
        ? await db
            .select({
              ...cardColumns,
              overlap: sql<number>`(select count(*) from jsonb_array_elements(${publishedStories.tags}) t where t->>'slug' in ${slugs})`.as('overlap'),
            })
            .from(publishedStories)
            .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
            // Any shared tag, each term on the GIN index.
            .where(and(live, ne(publishedStories.storyId, story.storyId), sql`(${sql.join(slugs.map((slug) => sql`${publishedStories.tags} @> ${JSON.stringify([{ slug }])}::jsonb`), sql` or `)})`))
            .orderBy(sql`overlap desc`, newestFirst)
            .limit(RELATED)
        : [];
      const picked = shared.map(toCard);
      if (picked.length < RELATED) {
        const exclude = [story.storyId, ...picked.map((card) => card.storyId)];
        picked.push(...(await cards(and(eq(publishedStories.sectionId, story.sectionId), sql`${publishedStories.storyId} not in ${exclude}`) as SQL, { limit: RELATED - picked.length })));
      }
      return picked;
    },
    ['related', story.storyId, ...slugs],
    { tags: [LATEST_TAG] },
  );
  return (await read()).map(reviveCard);
}

/** For the front-page editor: whether these ids are live stories. */
export async function liveStoryIds(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await getDb().select({ id: publishedStories.storyId }).from(publishedStories).where(and(live, inArray(publishedStories.storyId, ids)));
  return new Set(rows.map((row) => row.id));
}

/** The site's sections in their order, for the navigation on every reader page: neither hidden nor archived. */
export async function getSections(): Promise<{ slug: string; name: string }[]> {
  return unstable_cache(() => getDb().select({ slug: sections.slug, name: sections.name }).from(sections).where(inNavigation).orderBy(asc(sections.position), asc(sections.name)), ['sections'], { tags: [SECTIONS_TAG] })();
}
