import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { now } from '@/lib/clock';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { slugify } from '@/lib/slug';
import { publishRevision } from '@/lib/stories/publication';
import { snapshotRevision } from '@/lib/stories/revisions';
import type { Database, Transaction } from './index';
import { authors, DEFAULT_DESK_ID, deskMembers, desks, sections, settings, slugHistory, stories, storyAuthors, storyTags, tags, users, workflowEvents } from './schema';
import { parseSeedStory } from './seed-story';

// Any constant; shared by every process that may seed at start.
const SEED_LOCK_KEY = 727_002;

export const SEED_SECTION = { slug: 'technology', name: 'تكنولوجيا' } as const;
export const HOUSE_BYLINE = 'فريق التحرير';
export const SEED_TAGS = ['سوفت بنك', 'OpenAI', 'الذكاء الاصطناعي', 'مايكروسوفت', 'Stargate', 'DeepSeek'] as const;

/** Demo staff, one per role; created only with SEED_DEMO=true. Listed in the README. */
export const DEMO_PASSWORD = 'sahifa-demo-2026';
export const DEMO_ACCOUNTS = [
  { email: 'writer@sahifa.test', name: 'ليلى حداد', role: 'writer', jobTitle: 'محررة أخبار' },
  { email: 'editor@sahifa.test', name: 'عمر الفاروق', role: 'editor', jobTitle: 'مدير التحرير' },
  { email: 'admin@sahifa.test', name: 'نادية سليم', role: 'admin', jobTitle: 'رئيسة التحرير' },
] as const;

/**
 * SEED_DEMO=true also shapes a small newsroom, so desk scoping can be tried by
 * hand: three more sections, a sport desk owning «رياضة», and its own editor.
 * The economy and culture sections stay with the seed's (the general desk on a fresh install).
 */
export const DEMO_SECTIONS = [
  { slug: 'اقتصاد', name: 'اقتصاد' },
  { slug: 'رياضة', name: 'رياضة' },
  { slug: 'ثقافة', name: 'ثقافة' },
] as const;
export const DEMO_DESK = { name: 'مكتب الرياضة', section: 'رياضة', editor: { email: 'sport@sahifa.test', name: 'سامي الخطيب', role: 'editor', jobTitle: 'محرر الرياضة' } } as const;

export function readSeedStory() {
  return parseSeedStory(readFileSync(path.join(process.cwd(), 'db', 'seed-story.ar.txt'), 'utf8'));
}

function idOf(rows: { id: string }[], what: string): string {
  const [row] = rows;
  if (!row) throw new Error(`seed: ${what} missing after upsert`);
  return row.id;
}

// "Do update" with an unchanged value, so RETURNING yields the existing row's id too.
export async function ensureSection(tx: Transaction, slug: string, name: string) {
  const rows = await tx.insert(sections).values({ slug, name }).onConflictDoUpdate({ target: sections.slug, set: { slug } }).returning({ id: sections.id });
  return idOf(rows, `section ${slug}`);
}

export async function ensureTag(tx: Transaction, name: string) {
  const slug = slugify(name);
  const rows = await tx.insert(tags).values({ slug, name }).onConflictDoUpdate({ target: tags.slug, set: { slug } }).returning({ id: tags.id });
  return idOf(rows, `tag ${slug}`);
}

async function ensureHouseAuthor(tx: Transaction, name: string) {
  const slug = slugify(name);
  const rows = await tx.insert(authors).values({ slug, name }).onConflictDoUpdate({ target: authors.slug, set: { slug } }).returning({ id: authors.id });
  return idOf(rows, `author ${slug}`);
}

export type NewPublishedStory = {
  kicker: string;
  headline: string;
  paragraphs: readonly string[];
  slug: string;
  sectionId: string;
  authorIds: string[];
  tagIds: string[];
};

/**
 * Creates a story and publishes it the way the workflow does: an approval
 * revision is pinned, then made the published revision and projected. Used by
 * the seed, and by tests that need published stories of their own.
 */
export async function insertPublishedStory(tx: Transaction, input: NewPublishedStory): Promise<string> {
  const body = paragraphsToDoc(input.paragraphs);
  const at = now();
  const [story] = await tx
    .insert(stories)
    .values({ kicker: input.kicker, headline: input.headline, body, plainText: toPlainText(body), slug: input.slug, sectionId: input.sectionId, language: 'ar' })
    .returning({ id: stories.id });
  if (!story) throw new Error('story insert returned nothing');
  if (input.authorIds.length > 0) {
    await tx.insert(storyAuthors).values(input.authorIds.map((authorId, position) => ({ storyId: story.id, authorId, position })));
  }
  if (input.tagIds.length > 0) {
    await tx.insert(storyTags).values(input.tagIds.map((tagId, position) => ({ storyId: story.id, tagId, position })));
  }
  const revisionId = await snapshotRevision(tx, { storyId: story.id, kind: 'approval', authorId: null });
  await tx.update(stories).set({ editorialState: 'approved', approvedRevisionId: revisionId }).where(eq(stories.id, story.id));
  await publishRevision(tx, { storyId: story.id, revisionId, at });
  await tx.insert(workflowEvents).values([
    { storyId: story.id, action: 'approve', fromEditorial: 'draft', toEditorial: 'approved', revisionId, createdAt: at },
    { storyId: story.id, action: 'publish', fromPublication: 'unpublished', toPublication: 'published', revisionId, createdAt: at },
  ]);
  return story.id;
}

/** Publishes the seed story exactly the way the workflow will: approve a revision, then publish it. */
async function seedStory(tx: Transaction): Promise<boolean> {
  const seed = readSeedStory();
  const slug = slugify(seed.headline);
  // Once seeded, never again: not even after an editor renamed or took it down.
  const [existing] = await tx
    .select({ id: stories.id })
    .from(stories)
    .leftJoin(slugHistory, eq(slugHistory.storyId, stories.id))
    .where(or(eq(stories.slug, slug), eq(slugHistory.slug, slug)))
    .limit(1);
  if (existing) return false;

  const sectionId = await ensureSection(tx, SEED_SECTION.slug, SEED_SECTION.name);
  await joinDefaultDesk(tx, { sectionId });
  const authorId = await ensureHouseAuthor(tx, HOUSE_BYLINE);
  const tagIds: string[] = [];
  for (const name of SEED_TAGS) tagIds.push(await ensureTag(tx, name));

  await insertPublishedStory(tx, { kicker: seed.kicker, headline: seed.headline, paragraphs: seed.paragraphs, slug, sectionId, authorIds: [authorId], tagIds });
  return true;
}

/**
 * Puts a section, or an editor, on the default desk the desks migration made
 * on an existing install, as it did with what existed then; on a fresh
 * install there is none, and nothing is done. Only once, when the seed creates
 * them: if an admin has since removed that desk, nothing is put back.
 */
async function joinDefaultDesk(tx: Transaction, member: { sectionId: string } | { userId: string }) {
  const [desk] = await tx.select({ id: desks.id }).from(desks).where(eq(desks.id, DEFAULT_DESK_ID));
  if (!desk) return;
  if ('sectionId' in member) await tx.update(sections).set({ deskId: desk.id }).where(and(eq(sections.id, member.sectionId), isNull(sections.deskId)));
  else await tx.insert(deskMembers).values({ deskId: desk.id, userId: member.userId }).onConflictDoNothing();
}

type DemoAccount = { email: string; name: string; role: 'writer' | 'editor' | 'admin'; jobTitle: string };

/** A staff account with its byline, or null when it exists already (whatever the admin changed since is kept). */
async function createDemoAccount(tx: Transaction, account: DemoAccount, passwordHash: string): Promise<string | null> {
  const [user] = await tx
    .insert(users)
    .values({ email: account.email, displayName: account.name, role: account.role, passwordHash })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) return null;
  await tx
    .insert(authors)
    .values({ slug: slugify(account.name), name: account.name, jobTitle: account.jobTitle, userId: user.id })
    .onConflictDoNothing();
  return user.id;
}

async function seedDemoAccounts(tx: Transaction, passwordHash: string): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const userId = await createDemoAccount(tx, account, passwordHash);
    if (!userId) continue;
    created += 1;
    if (account.role === 'editor') await joinDefaultDesk(tx, { userId });
  }
  return created;
}

/** The demo sections and the sport desk with its editor; sections that exist already are left as they are. */
async function seedDemoNewsroom(tx: Transaction, passwordHash: string): Promise<number> {
  let created = 0;
  for (const section of DEMO_SECTIONS) {
    const [position] = await tx.select({ next: sql<number>`coalesce(max(${sections.position}) + 1, 0)::int` }).from(sections);
    const [row] = await tx
      .insert(sections)
      .values({ ...section, position: position?.next ?? 0 })
      .onConflictDoNothing()
      .returning({ id: sections.id });
    if (!row) continue;
    created += 1;
    if (section.slug !== DEMO_DESK.section) {
      await joinDefaultDesk(tx, { sectionId: row.id });
      continue;
    }
    const [desk] = await tx.insert(desks).values({ name: DEMO_DESK.name }).returning({ id: desks.id });
    await tx.update(sections).set({ deskId: desk!.id }).where(eq(sections.id, row.id));
    const editorId = await createDemoAccount(tx, DEMO_DESK.editor, passwordHash);
    if (editorId) await tx.insert(deskMembers).values({ deskId: desk!.id, userId: editorId });
  }
  return created;
}

export type SeedResult = { story: boolean; demoAccounts: number; demoSections: number };

/**
 * Idempotent: safe on every start, and when two processes start at once.
 * demo: the demo accounts; demoNewsroom: also the demo sections and sport desk.
 */
export async function seedDatabase(db: Database, options: { demo: boolean; demoNewsroom?: boolean }): Promise<SeedResult> {
  const passwordHash = options.demo ? await hashPassword(DEMO_PASSWORD) : '';
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    await tx.insert(settings).values({ id: 1, siteName: 'صحيفة', siteDescription: 'أخبار وتحليلات بالعربية' }).onConflictDoNothing();
    const story = await seedStory(tx);
    const demoAccounts = options.demo ? await seedDemoAccounts(tx, passwordHash) : 0;
    const demoSections = options.demo && options.demoNewsroom ? await seedDemoNewsroom(tx, passwordHash) : 0;
    return { story, demoAccounts, demoSections };
  });
}
