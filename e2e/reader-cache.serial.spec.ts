import { eq } from 'drizzle-orm';
import { authors, users } from '@/db/schema';
import { slugify } from '@/lib/slug';
import { editorSettled, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { act, draftAndSubmit, everywhereWithinOneSecond, reviewAgainAndPublish, type Surface } from './newsroom-steps';
import { demoEmail, newClient, storageStateOf } from './session';

// Reader pages are served from the response cache (and their data from Next's
// data cache), and every change readers should see expires exactly the right
// entries at once: publish, update, take-down, retraction. Every surface is
// warm in the cache beforehand; each is checked over HTTP, with no
// cache-busting, once the newsroom says "done", and must be fresh within 1 s.
//
// Serial: the home page lists the ten newest stories and a section page
// twenty, and an update or republish keeps the story's first publication time.
// Specs running beside it publish stories of their own (the search spec 22 at
// once), which can push this one off the home page between its publish and its
// update: a fresh home page without it then reads as a stale one. (Checked: 22
// stories inserted at that point fail this spec with «stale: / 200».)

test('publish, update, take-down and retraction reach every reader surface within a second, and a cached 404 becomes the story', async ({ browser, db }) => {
  test.setTimeout(180_000);
  const writer = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  const reader = await (await newClient(browser)).newPage();
  const headline = uniqueHeadline('خبر تختبر به ذاكرة القراء المؤقتة');
  const tag = uniqueHeadline('وسم');
  const [byline] = await db.select({ slug: authors.slug }).from(authors).innerJoin(users, eq(users.id, authors.userId)).where(eq(users.email, demoEmail('writer')));
  const articlePath = `/technology/${encodeURIComponent(slugify(headline))}`;
  const surfaces: Surface[] = [
    { path: '/', kind: 'listing' },
    { path: '/technology', kind: 'listing' },
    { path: `/tag/${encodeURIComponent(slugify(tag))}`, kind: 'listing' },
    { path: `/author/${encodeURIComponent(byline!.slug)}`, kind: 'listing' },
    { path: articlePath, kind: 'article' },
    { path: '/feed.xml', kind: 'feed' },
    { path: '/feeds/technology.xml', kind: 'feed' },
  ];

  const storyUrl = await draftAndSubmit(writer, headline, tag);

  // Warm: every surface is in the cache without the story, its future address as a stored 404.
  for (const surface of surfaces) {
    const first = await reader.request.get(surface.path);
    expect(await first.text(), surface.path).not.toContain(headline);
    if (surface.kind === 'article') expect(first.status()).toBe(404);
  }
  const cached404 = await reader.request.get(articlePath);
  expect(cached404.status()).toBe(404);
  expect(cached404.headers()['x-sahifa-cache']).toBe('HIT');
  expect((await reader.request.get('/')).headers()['x-sahifa-cache']).toBe('HIT');

  await editor.goto(storyUrl);
  await act(editor, 'اعتماد');
  await act(editor, 'نشر');
  const published = await everywhereWithinOneSecond(reader.request, surfaces, (surface, status, body) => body.includes(headline) && (surface.kind !== 'article' || status === 200));
  test.info().annotations.push({ type: 'publish-to-every-surface-ms', description: String(published) });

  // An update: the new headline replaces the old one everywhere.
  const updated = `${headline} (محدّث)`;
  // The writer's tab may still be open: no lock, the editor types beside it.
  await editor.reload();
  await editor.getByLabel('العنوان', { exact: true }).fill(updated);
  await editorSettled(editor);
  // The edited headline is reader-facing: the story goes back through review before it can go out.
  await editor.reload();
  await reviewAgainAndPublish(browser, editor, storyUrl);
  await everywhereWithinOneSecond(reader.request, surfaces, (_surface, status, body) => status === 200 && body.includes(updated));

  // Taken down: gone from every list and feed, and its page answers 410 with the neutral notice.
  await act(editor, 'حجب عن القراء', 'خطأ في مصدر الخبر');
  await everywhereWithinOneSecond(reader.request, surfaces, (surface, status, body) =>
    surface.kind === 'article' ? status === 410 && body.includes('لم يعد هذا الخبر متاحًا') && !body.includes('خطأ في مصدر الخبر') : !body.includes(headline),
  );

  // Republished, then retracted: the public notice replaces the story everywhere at once.
  await editor.reload();
  await act(editor, 'إعادة النشر');
  await everywhereWithinOneSecond(reader.request, surfaces, (surface, status, body) => body.includes(headline) && (surface.kind !== 'article' || status === 200));
  await editor.reload();
  await act(editor, 'تراجع علني', 'تبيّن أن مصدر الخبر غير موثوق');
  await everywhereWithinOneSecond(reader.request, surfaces, (surface, status, body) =>
    surface.kind === 'article' ? status === 410 && body.includes('تبيّن أن مصدر الخبر غير موثوق') : !body.includes(headline),
  );
});
