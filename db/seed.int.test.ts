import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupArticle } from '@/lib/reader/article-lookup';
import { slugify } from '@/lib/slug';
import { publishRevision } from '@/lib/stories/publication';
import { snapshotRevision } from '@/lib/stories/revisions';
import { isolatedTestDb } from '@/test/db';
import { authors, DEFAULT_DESK_ID, deskMembers, desks, publishedStories, sections, slugHistory, stories, storyRevisions, tags, users, workflowEvents } from './schema';
import { DEMO_ACCOUNTS, DEMO_DESK, DEMO_SECTIONS, readSeedStory, seedDatabase, SEED_TAGS } from './seed';

// Its own database: these tests count whole tables.
const { db, drop } = await isolatedTestDb();
const seed = readSeedStory();
const seedSlug = slugify(seed.headline);

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
});
afterAll(() => drop());

const countOf = async (table: typeof stories | typeof publishedStories | typeof storyRevisions | typeof tags | typeof users) =>
  (await db.select({ n: count() }).from(table))[0]?.n;

describe('seed', () => {
  it('leaves exactly one story when run twice, even concurrently', async () => {
    const results = await Promise.all([seedDatabase(db, { demo: false }), seedDatabase(db, { demo: false })]);
    expect(results.map((r) => r.story)).toEqual([false, false]);
    expect(await countOf(stories)).toBe(1);
    expect(await countOf(publishedStories)).toBe(1);
    expect(await countOf(storyRevisions)).toBe(1);
    expect(await countOf(tags)).toBe(SEED_TAGS.length);
  });

  it('publishes through an approved revision that holds all 13 paragraphs verbatim', async () => {
    const [story] = await db.select().from(stories).where(eq(stories.slug, seedSlug));
    expect(story).toBeDefined();
    expect(story?.editorialState).toBe('approved');
    expect(story?.publicationState).toBe('published');
    expect(story?.publishedRevisionId).toBe(story?.approvedRevisionId);

    const [revision] = await db.select().from(storyRevisions).where(eq(storyRevisions.id, story!.publishedRevisionId!));
    const paragraphs = revision?.body.content ?? [];
    expect(paragraphs).toHaveLength(13);
    expect(paragraphs.map((p) => p.content?.[0]?.text)).toEqual(seed.paragraphs);
    expect(revision?.kind).toBe('approval');

    const [projected] = await db.select().from(publishedStories).where(eq(publishedStories.storyId, story!.id));
    expect(projected?.revisionId).toBe(revision?.id);
    expect(projected?.headline).toBe(seed.headline);
    expect(projected?.kicker).toBe('آخر الأخبار');
    expect(projected?.bylines.map((b) => b.name)).toEqual(['فريق التحرير']);
    expect(projected?.tags.map((t) => t.name)).toEqual([...SEED_TAGS]);

    const [section] = await db.select().from(sections).where(eq(sections.id, projected!.sectionId));
    expect(section).toMatchObject({ slug: 'technology', name: 'تكنولوجيا' });
    const [house] = await db.select().from(authors).where(eq(authors.name, 'فريق التحرير'));
    expect(house?.userId).toBeNull();

    const events = await db.select().from(workflowEvents).where(eq(workflowEvents.storyId, story!.id));
    expect(events.map((e) => e.action).sort()).toEqual(['approve', 'publish']);
  });

  it('creates no staff accounts without SEED_DEMO, and one per role with it', async () => {
    expect(await countOf(users)).toBe(0);
    const result = await seedDatabase(db, { demo: true });
    expect(result.demoAccounts).toBe(3);
    const rows = await db.select().from(users).innerJoin(authors, eq(authors.userId, users.id));
    expect(rows.map((r) => r.users.role).sort()).toEqual(['admin', 'editor', 'writer']);
    expect(rows.map((r) => r.users.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const row of rows) expect(row.users.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await seedDatabase(db, { demo: true })).demoAccounts).toBe(0);
  });

  it('leaves a fresh install without desks (the general desk: every editor sees everything), and adds no other section without the demo newsroom', async () => {
    expect(await db.select({ slug: sections.slug, deskId: sections.deskId }).from(sections)).toEqual([{ slug: 'technology', deskId: null }]);
    expect(await db.select().from(desks).where(eq(desks.id, DEFAULT_DESK_ID))).toEqual([]);
    expect(await db.select().from(deskMembers)).toEqual([]);
  });

  it('SEED_DEMO=true adds three sections and a sport desk with its own editor, once', async () => {
    const result = await seedDatabase(db, { demo: true, demoNewsroom: true });
    expect(result.demoSections).toBe(3);
    const rows = await db.select({ slug: sections.slug, desk: desks.name }).from(sections).leftJoin(desks, eq(desks.id, sections.deskId));
    expect(rows.map((r) => r.slug).sort()).toEqual(['technology', ...DEMO_SECTIONS.map((d) => d.slug)].sort());
    expect(rows.find((r) => r.slug === DEMO_DESK.section)?.desk).toBe(DEMO_DESK.name);
    expect(rows.filter((r) => r.slug !== DEMO_DESK.section).every((r) => r.desk === null)).toBe(true);
    const sport = await db.select({ email: users.email, role: users.role }).from(deskMembers).innerJoin(desks, eq(desks.id, deskMembers.deskId)).innerJoin(users, eq(users.id, deskMembers.userId)).where(eq(desks.name, DEMO_DESK.name));
    expect(sport).toEqual([{ email: DEMO_DESK.editor.email, role: 'editor' }]);
    expect(await seedDatabase(db, { demo: true, demoNewsroom: true })).toMatchObject({ demoAccounts: 0, demoSections: 0 });
  });
});

describe('slug history', () => {
  it('sends an old slug and an old section to the canonical URL after a rename', async () => {
    const [story] = await db.select().from(stories).where(eq(stories.slug, seedSlug));
    const renamed = 'سوفت-بنك-تستثمر-في-openai';
    await db.transaction(async (tx) => {
      await tx.update(stories).set({ slug: renamed, version: story!.version + 1 }).where(eq(stories.id, story!.id));
      const revisionId = await snapshotRevision(tx, { storyId: story!.id, kind: 'approval', authorId: null });
      await publishRevision(tx, { storyId: story!.id, revisionId, at: new Date() });
    });

    expect(await lookupArticle(db, 'technology', seedSlug)).toEqual({ kind: 'redirect', sectionSlug: 'technology', slug: renamed });
    expect(await lookupArticle(db, 'world', seedSlug)).toEqual({ kind: 'redirect', sectionSlug: 'technology', slug: renamed });
    expect(await lookupArticle(db, 'world', renamed)).toEqual({ kind: 'redirect', sectionSlug: 'technology', slug: renamed });
    const current = await lookupArticle(db, 'technology', renamed);
    expect(current.kind).toBe('article');
    expect(await lookupArticle(db, 'technology', 'لا-يوجد')).toEqual({ kind: 'missing' });
    expect((await db.select().from(slugHistory)).map((row) => row.slug)).toEqual([seedSlug]);

    // Renaming back makes the old slug live again and drops it from the history.
    await db.transaction(async (tx) => {
      await tx.update(stories).set({ slug: seedSlug }).where(eq(stories.id, story!.id));
      const revisionId = await snapshotRevision(tx, { storyId: story!.id, kind: 'approval', authorId: null });
      await publishRevision(tx, { storyId: story!.id, revisionId, at: new Date() });
    });
    expect((await lookupArticle(db, 'technology', seedSlug)).kind).toBe('article');
    expect(await lookupArticle(db, 'technology', renamed)).toEqual({ kind: 'redirect', sectionSlug: 'technology', slug: seedSlug });
    expect((await db.select().from(slugHistory)).map((row) => row.slug)).toEqual([renamed]);
  });
});
