import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, auditLog, authors, publishedStories, stories, tags } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { Forbidden } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { insertPublished } from '@/test/published';
import { createStaff } from '@/test/staff';

// The content API through its route handlers, against the real database: a
// valid key gets exactly what readers see, and nothing else; everyone else 401.

// Read once by getEnv(): set before the routes are imported. Every test but the
// 429 one shares one key and one window; this leaves them room to page.
const RATE_LIMIT = 100;
process.env.API_RATE_LIMIT = String(RATE_LIMIT);

const { db, client } = connectTestDb();
const routes = {
  stories: () => import('@/app/api/v1/stories/route'),
  story: () => import('@/app/api/v1/stories/[id]/route'),
  sections: () => import('@/app/api/v1/sections/route'),
  tags: () => import('@/app/api/v1/tags/route'),
  authors: () => import('@/app/api/v1/authors/route'),
};
const { issueApiKey, revokeApiKey } = await import('@/lib/api/keys');
const { MAX_LIMIT } = await import('@/lib/api/params');

let admin: CurrentUser;
let key: string;
const ctx = { ip: '203.0.113.9' };
const ids: Record<'live1' | 'live2' | 'live3' | 'takenDown' | 'retracted' | 'draft', string> = {} as never;
const unique = randomUUID().slice(0, 8);

type Json = Record<string, unknown>;
const get = async (path: string, options: { key?: string | null; headers?: Record<string, string> } = {}) => {
  const url = new URL(path, 'http://localhost');
  const headers: Record<string, string> = { ...options.headers };
  const bearer = options.key === undefined ? key : options.key;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const request = new Request(url, { headers });
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[2] === 'stories' && segments[3]) return (await routes.story()).GET(request, { params: Promise.resolve({ id: segments[3] }) });
  return (await routes[segments[2] as 'stories' | 'sections' | 'tags' | 'authors']()).GET(request);
};
const json = async (response: Response) => (await response.json()) as Json & { data: Json[]; next_cursor: string | null };

/** Every page of a listing, following next_cursor: two per page to test the cursor on small listings. */
async function everyPage(path: string, size = 2): Promise<Json[]> {
  const all: Json[] = [];
  let cursor: string | null = null;
  do {
    const response = await get(`${path}${path.includes('?') ? '&' : '?'}limit=${size}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const page = await json(response);
    all.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return all;
}

beforeAll(async () => {
  admin = await createStaff(db, 'admin');
  const issued = await issueApiKey(admin, { name: `test ${unique}` }, ctx);
  if (!issued.ok) throw new Error('no key');
  key = issued.data.key;
  const sectionId = await db.transaction((tx) => ensureSection(tx, `api-${unique}`, 'واجهة'));
  const [tag] = await db.insert(tags).values({ slug: `api-tag-${unique}`, name: 'وسم الواجهة' }).returning();
  const [hiddenTag] = await db.insert(tags).values({ slug: `api-gone-tag-${unique}`, name: 'وسم قصة مسحوبة' }).returning();
  const tagRef = { id: tag!.id, name: tag!.name, slug: tag!.slug };
  const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));
  ids.live1 = await insertPublished(db, { headline: `منشورة أولى ${unique}`, paragraphs: ['نص'], sectionId, publishedAt: day(1), tags: [tagRef] });
  ids.live2 = await insertPublished(db, { headline: `منشورة ثانية ${unique}`, paragraphs: ['نص'], sectionId, publishedAt: day(2) });
  ids.live3 = await insertPublished(db, { headline: `منشورة ثالثة ${unique}`, paragraphs: ['نص'], sectionId, publishedAt: day(3), tags: [tagRef] });
  ids.takenDown = await insertPublished(db, { headline: `مسحوبة ${unique}`, paragraphs: ['نص'], sectionId, state: 'taken_down', tags: [{ id: hiddenTag!.id, name: hiddenTag!.name, slug: hiddenTag!.slug }] });
  ids.retracted = await insertPublished(db, { headline: `متراجع عنها ${unique}`, paragraphs: ['نص'], sectionId, state: 'retracted' });
  const [draft] = await db.insert(stories).values({ headline: `مسودة ${unique}`, body: { type: 'doc', content: [] }, slug: `draft-${unique}`, sectionId }).returning({ id: stories.id });
  ids.draft = draft!.id;
  // The working copy of a live story moves on; readers (and the API) keep the published text.
  await db.update(stories).set({ headline: `تعديل غير منشور ${unique}` }).where(eq(stories.id, ids.live1));
  // A byline on a live story, and one only on a story taken down.
  const [shown] = await db.insert(authors).values({ slug: `api-author-${unique}`, name: 'كاتب ظاهر' }).returning();
  const [hidden] = await db.insert(authors).values({ slug: `api-hidden-${unique}`, name: 'كاتب مخفي' }).returning();
  await db.update(publishedStories).set({ bylines: [{ id: shown!.id, name: shown!.name, slug: shown!.slug }] }).where(eq(publishedStories.storyId, ids.live2));
  await db.update(publishedStories).set({ bylines: [{ id: hidden!.id, name: hidden!.name, slug: hidden!.slug }] }).where(eq(publishedStories.storyId, ids.takenDown));
});
afterAll(() => client.end());

describe('content API keys', () => {
  it('refuses a missing, malformed or unknown key with 401 JSON', async () => {
    for (const bearer of [null, 'not-a-key', `sahifa_${'A'.repeat(43)}`]) {
      const response = await get('/api/v1/stories', { key: bearer });
      expect(response.status, String(bearer)).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('gets 401 once revoked, and both steps are audited', async () => {
    const issued = await issueApiKey(admin, { name: `soon revoked ${unique}` }, ctx);
    if (!issued.ok) throw new Error('no key');
    expect((await get('/api/v1/sections', { key: issued.data.key })).status).toBe(200);
    expect(await revokeApiKey(admin, { id: issued.data.id }, ctx)).toEqual({ ok: true, data: undefined });
    expect((await get('/api/v1/sections', { key: issued.data.key })).status).toBe(401);
    expect(await revokeApiKey(admin, { id: issued.data.id }, ctx)).toEqual({ ok: false, error: 'errors.notFound' });
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.targetType, 'api_key'), eq(auditLog.targetId, issued.data.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(['api_key.issue', 'api_key.revoke']);
    // The audit names the key by its prefix, never the key itself; at rest there is only its SHA-256.
    expect(JSON.stringify(entries)).not.toContain(issued.data.key);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, issued.data.id));
    expect(JSON.stringify(row)).not.toContain(issued.data.key);
    expect(row!.keyHash).toBe(createHash('sha256').update(issued.data.key).digest('hex'));
    expect(issued.data.key.startsWith(row!.prefix)).toBe(true);
  });

  it('lets only admins issue and revoke', async () => {
    for (const role of ['writer', 'editor'] as const) {
      const staff = await createStaff(db, role);
      await expect(issueApiKey(staff, { name: 'x' }, ctx)).rejects.toThrow(Forbidden);
      await expect(revokeApiKey(staff, { id: randomUUID() }, ctx)).rejects.toThrow(Forbidden);
    }
  });

  it('answers 429 past the rate of one key, and counts each key apart', async () => {
    const issued = await issueApiKey(admin, { name: `busy ${unique}` }, ctx);
    if (!issued.ok) throw new Error('no key');
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) statuses.push((await get('/api/v1/sections', { key: issued.data.key })).status);
    expect(statuses.slice(0, RATE_LIMIT).every((s) => s === 200)).toBe(true);
    const limited = await get('/api/v1/sections', { key: issued.data.key });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get('/api/v1/sections')).status).toBe(200);
  });
});

describe('content API reads', () => {
  it('returns exactly the published stories, across every page, and nothing else', async () => {
    // Whole pages: the run's database holds every other file's stories too (the cursor on two a page is tested below).
    const listed = await everyPage('/api/v1/stories', MAX_LIMIT);
    const live = await db.select({ id: publishedStories.storyId }).from(publishedStories).where(eq(publishedStories.state, 'published'));
    expect(listed.map((s) => s.id).sort()).toEqual(live.map((s) => s.id).sort());
    const listedIds = new Set(listed.map((s) => s.id));
    for (const id of [ids.live1, ids.live2, ids.live3]) expect(listedIds.has(id)).toBe(true);
    for (const id of [ids.takenDown, ids.retracted, ids.draft]) expect(listedIds.has(id)).toBe(false);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(`تعديل غير منشور ${unique}`);
    expect(text).not.toContain(`مسودة ${unique}`);
    // Newest first, each once.
    const times = listed.map((s) => Date.parse(s.published_at as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(listedIds.size).toBe(listed.length);
  });

  it('serves one live story, and 404 for one readers cannot see', async () => {
    const response = await get(`/api/v1/stories/${ids.live1}`);
    expect(response.status).toBe(200);
    const story = (await response.json()) as Json;
    expect(story).toMatchObject({ id: ids.live1, headline: `منشورة أولى ${unique}`, section: { slug: `api-${unique}` } });
    expect(story.url).toMatch(/^https?:\/\/[^/]+\/api-/);
    for (const id of [ids.takenDown, ids.retracted, ids.draft, randomUUID(), 'not-a-uuid']) {
      expect((await get(`/api/v1/stories/${id}`)).status, id).toBe(404);
    }
  });

  it('filters by section and tag, and follows changes with updated_since in change order', async () => {
    const inSection = await everyPage(`/api/v1/stories?section=api-${unique}`);
    expect(inSection.map((s) => s.id).sort()).toEqual([ids.live1, ids.live2, ids.live3].sort());
    const tagged = await everyPage(`/api/v1/stories?tag=api-tag-${unique}`);
    expect(tagged.map((s) => s.id).sort()).toEqual([ids.live1, ids.live3].sort());

    const since = new Date(Date.now() + 60_000);
    await db.update(publishedStories).set({ updatedAt: new Date(since.getTime() + 2_000) }).where(eq(publishedStories.storyId, ids.live1));
    await db.update(publishedStories).set({ updatedAt: new Date(since.getTime() + 1_000) }).where(eq(publishedStories.storyId, ids.live3));
    await db.update(publishedStories).set({ updatedAt: new Date(since.getTime() + 500) }).where(eq(publishedStories.storyId, ids.takenDown));
    const changed = await everyPage(`/api/v1/stories?order=updated&updated_since=${encodeURIComponent(since.toISOString())}`);
    expect(changed.map((s) => s.id)).toEqual([ids.live3, ids.live1]);
  });

  it('answers 304 to the ETag it gave, and a new ETag once the story changes', async () => {
    const first = await get(`/api/v1/stories/${ids.live2}`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toContain('private');
    const again = await get(`/api/v1/stories/${ids.live2}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await db.update(publishedStories).set({ headline: `منشورة ثانية معدلة ${unique}` }).where(eq(publishedStories.storyId, ids.live2));
    const changed = await get(`/api/v1/stories/${ids.live2}`, { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    // Lists carry ETags too.
    const list = await get('/api/v1/sections');
    expect((await get('/api/v1/sections', { headers: { 'if-none-match': list.headers.get('etag')! } })).status).toBe(304);
  });

  it('refuses a malformed, unknown or repeated parameter with 400 naming it', async () => {
    for (const [query, parameter] of [
      ['limit=1000', 'limit'],
      ['updated_since=yesterday', 'updated_since'],
      ['colour=red', 'colour'],
      ['tag=a&tag=b', 'tag'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ] as const) {
      const response = await get(`/api/v1/stories?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { parameter: string } }).error.parameter).toBe(parameter);
    }
  });

  it('lists tags and authors of live stories only', async () => {
    // Every tag and author of the run's database (other files publish too): whole pages, or the key's rate limit ends it.
    const tagSlugs = (await everyPage('/api/v1/tags', MAX_LIMIT)).map((t) => t.slug);
    expect(tagSlugs).toContain(`api-tag-${unique}`);
    expect(tagSlugs).not.toContain(`api-gone-tag-${unique}`);
    const authorSlugs = (await everyPage('/api/v1/authors', MAX_LIMIT)).map((a) => a.slug);
    expect(authorSlugs).toContain(`api-author-${unique}`);
    expect(authorSlugs).not.toContain(`api-hidden-${unique}`);
    // A staff member's byline profile with nothing published stays private.
    expect(authorSlugs).not.toContain((await db.select({ slug: authors.slug }).from(authors).where(inArray(authors.userId, [admin.id])))[0]!.slug);
    const sections = (await json(await get('/api/v1/sections'))).data.map((s) => s.slug);
    expect(sections).toContain(`api-${unique}`);
  });
});
