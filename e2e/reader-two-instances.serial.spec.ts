import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { ensureSection, ensureTag, insertPublishedStory, SEED_SECTION } from '@/db/seed';
import { authors, stories, users } from '@/db/schema';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { slugify } from '@/lib/slug';
import { snapshotRevision } from '@/lib/stories/revisions';
import { editorSettled, uniqueHeadline } from './data';
import { sharedBackends, startTwoInstances, type Instance, type SharedBackends } from './instance';
import { act, everywhereWithinOneSecond, type Surface } from './newsroom-steps';
import { demoEmail, DEMO_PASSWORD, signIn, type DemoRole } from './session';

// Issue 16 (and 21, several instances): "Publish → every reader surface
// fresh within 1 s", with two production instances on one database and one
// Redis, and no proxy: every newsroom step goes through instance A's process, every reader request to
// instance B. B has every surface warm in its own memory (pages) and the
// shared data cache has their reads, so B is fresh only if A's expiry
// reaches it: Redis pub/sub → B's loopback to /api/internal/revalidate →
// B's Next data cache and B's in-memory pages. Checked for an update of a
// live headline, a take-down (410), and a cached 404 becoming the story.
// lib/page-cache/shared-store.int.test.ts covers the cache layer alone;
// e2e/two-instances.serial.spec.ts a first publish and a take-down behind a
// proxy; this one the reader's whole list of surfaces, and prints how long B took.

let backends: SharedBackends;
let a: Instance;
let b: Instance;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  backends = await sharedBackends('sahifa_reader_two');
  [a, b] = await startTwoInstances(backends);
});

test.afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
  await backends?.close();
});

/** A newsroom tab on instance A, signed in. */
async function staffOnA(browser: Browser, role: DemoRole): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: a.base })).newPage();
  // A page whose database read passes the pool's timeout answers 503 (the busy machine, not the test): ask again.
  await expect.poll(async () => (await page.goto('/login'))?.status(), { timeout: 30_000, intervals: [1_000] }).toBe(200);
  await signIn(page, demoEmail(role), DEMO_PASSWORD);
  return page;
}

/** Asks until the page is stored on this instance: a hit, with the status expected. */
async function cachedOn(reader: APIRequestContext, surface: string, status: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await reader.get(surface, { maxRedirects: 0 });
        return `${response.status()} ${response.headers()['x-sahifa-cache']}`;
      },
      { timeout: 15_000, intervals: [100] },
    )
    .toBe(`${status} HIT`);
}

test('publish, take-down and a cached 404 made on instance A are fresh on every reader surface of instance B within a second', async ({ browser }) => {
  test.setTimeout(150_000);
  const { db } = backends.database;
  const headline = uniqueHeadline('خبر تقرؤه نسختان');
  const tag = uniqueHeadline('وسم النسختين');
  const nextHeadline = uniqueHeadline('خبر ينتظر النشر على نسختين');

  // A live story with a byline and a tag, so that the author and tag pages list it; and an approved one, not yet published.
  const [byline] = await db.select({ id: authors.id, slug: authors.slug }).from(authors).innerJoin(users, eq(users.id, authors.userId)).where(eq(users.email, demoEmail('writer')));
  const { liveId, nextId } = await db.transaction(async (tx) => {
    const sectionId = await ensureSection(tx, SEED_SECTION.slug, SEED_SECTION.name);
    const tagId = await ensureTag(tx, tag);
    const live = await insertPublishedStory(tx, { kicker: '', headline, paragraphs: ['نص الخبر كما يقرؤه القرّاء.'], slug: slugify(headline), sectionId, authorIds: [byline!.id], tagIds: [tagId] });
    const body = paragraphsToDoc(['نص خبر لم يُنشر بعد.']);
    const [next] = await tx
      .insert(stories)
      .values({ kicker: '', headline: nextHeadline, body, plainText: toPlainText(body), slug: slugify(nextHeadline), sectionId, language: 'ar' })
      .returning({ id: stories.id });
    // Approved, as newsroom-shift.spec.ts makes one: the editor only has to publish it.
    const revisionId = await snapshotRevision(tx, { storyId: next!.id, kind: 'approval', authorId: null });
    await tx.update(stories).set({ editorialState: 'approved', approvedRevisionId: revisionId }).where(eq(stories.id, next!.id));
    return { liveId: live, nextId: next!.id };
  });

  const articlePath = `/${SEED_SECTION.slug}/${encodeURIComponent(slugify(headline))}`;
  const nextPath = `/${SEED_SECTION.slug}/${encodeURIComponent(slugify(nextHeadline))}`;
  const surfaces: Surface[] = [
    { path: '/', kind: 'listing' },
    { path: `/${SEED_SECTION.slug}`, kind: 'listing' },
    { path: `/tag/${encodeURIComponent(slugify(tag))}`, kind: 'listing' },
    { path: `/author/${encodeURIComponent(byline!.slug)}`, kind: 'listing' },
    { path: articlePath, kind: 'article' },
    // Routes, not pages: no response cache, their reads from the shared data cache.
    { path: '/feed.xml', kind: 'feed' },
    { path: `/feeds/${SEED_SECTION.slug}.xml`, kind: 'feed' },
    { path: '/news-sitemap.xml', kind: 'feed' },
  ];
  const pages = surfaces.filter((surface) => surface.kind !== 'feed');

  // Staff on A first: signing in renders nothing a reader sees, but it is the slow part.
  const editor = await staffOnA(browser, 'editor');
  const admin = await staffOnA(browser, 'admin');
  const readers = { a: await playwrightRequest.newContext({ baseURL: a.base }), b: await playwrightRequest.newContext({ baseURL: b.base }) };

  // Warm on both: every surface shows the story, three times each, and every page is a hit in each instance's memory.
  for (const reader of [readers.a, readers.b]) {
    for (let round = 0; round < 3; round += 1) {
      for (const surface of surfaces) {
        const response = await reader.get(surface.path);
        expect(response.status(), surface.path).toBe(200);
        expect(await response.text(), surface.path).toContain(headline);
      }
    }
    for (const surface of pages) await cachedOn(reader, surface.path, 200);
    // The next story's address, asked before it exists: a 404 stored under its slug.
    await cachedOn(reader, nextPath, 404);
  }

  const timings: string[] = [];
  const timed = (step: string, doneAt: number) => (surface: Surface, sentAfterMs: number) => timings.push(`${step} ${surface.path}: fresh on B ${Date.now() - doneAt} ms after A said done (request sent ${sentAfterMs} ms after asking)`);

  // (1) An update of the live headline, through the newsroom on A: edited and sent for review by the editor, approved by the admin (strict four-eyes), published by the editor.
  const updated = `${headline} (محدّث)`;
  await editor.goto(`/newsroom/stories/${liveId}`);
  await editor.getByLabel('العنوان', { exact: true }).fill(updated);
  await editorSettled(editor);
  await editor.reload();
  await act(editor, 'إرسال للمراجعة');
  await admin.goto(`/newsroom/stories/${liveId}`);
  await act(admin, 'اعتماد');
  await editor.reload();
  // B still serves the old headline from its memory until A publishes.
  for (const surface of pages) expect(await (await readers.b.get(surface.path)).text(), surface.path).not.toContain(updated);
  await act(editor, 'نشر');
  let doneAt = Date.now();
  const updatedOnB = await everywhereWithinOneSecond(readers.b, surfaces, (_surface, status, body) => status === 200 && body.includes(updated), timed('update', doneAt));

  // (2) Taken down through A: 410 on B, and gone from B's lists and feeds.
  await editor.reload();
  await act(editor, 'حجب عن القراء', 'خطأ في مصدر الخبر');
  doneAt = Date.now();
  const goneOnB = await everywhereWithinOneSecond(
    readers.b,
    surfaces,
    (surface, status, body) => (surface.kind === 'article' ? status === 410 : status === 200 && !body.includes(headline)),
    timed('take-down', doneAt),
  );

  // (3) B's cached 404 for the next story becomes the story once A publishes it.
  await cachedOn(readers.b, nextPath, 404);
  await editor.goto(`/newsroom/stories/${nextId}`);
  await act(editor, 'نشر');
  doneAt = Date.now();
  const publishedOnB = await everywhereWithinOneSecond(
    readers.b,
    [{ path: nextPath, kind: 'article' }],
    (_surface, status, body) => status === 200 && body.includes(nextHeadline),
    timed('publish', doneAt),
  );

  console.error(
    [
      `two instances, reader surfaces on B after the change on A: update ${updatedOnB} ms, take-down ${goneOnB} ms, cached 404 published ${publishedOnB} ms (slowest surface, from asking to its fresh answer)`,
      ...timings,
    ].join('\n'),
  );
  test.info().annotations.push({ type: 'b-fresh-ms', description: `update ${updatedOnB}, take-down ${goneOnB}, 404→200 ${publishedOnB}` });
  for (const reader of Object.values(readers)) await reader.dispose();
});
