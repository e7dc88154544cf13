import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { sections } from '@/db/schema';
import { insertPublishedStory } from '@/db/seed';
import { slugify } from '@/lib/slug';
import { createPublishedStory, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';

// Sections change the navigation of every reader page, so this spec runs alone.
// «منوعات», not «رياضة»: e2e/desks.serial.spec.ts makes «رياضة» and its desk.

const row = (page: Page, name: string) => page.getByTestId('section-row').filter({ has: page.getByRole('heading', { name, exact: true }) });
const navLinks = async (page: Page) => page.getByRole('navigation', { name: 'الأقسام' }).getByRole('link').allTextContents();

test('an admin creates «منوعات», puts it first, describes it, renames its slug: old URLs answer 308; archived, it answers 410', async ({ browser, db, request, expectAccessible }) => {
  // Many steps, each a server round trip: generous for a loaded machine.
  test.setTimeout(300_000);
  const admin = await (await newClient(browser, { storageState: storageStateOf('admin') })).newPage();
  await admin.goto('/newsroom/sections');
  await expectAccessible(admin);
  const creating = admin.getByRole('region', { name: 'قسم جديد' });

  // Bad input: a reserved word, refused by name in the UI language, nothing saved.
  await creating.getByLabel('الاسم').fill('Search');
  await creating.getByRole('button', { name: 'إنشاء القسم' }).click();
  await expect(creating.getByText('هذا الرابط محجوز لصفحات الموقع نفسه؛ اختر غيره.')).toBeVisible();
  await expect(await db.select().from(sections).where(eq(sections.slug, 'search'))).toEqual([]);

  await creating.getByLabel('الاسم').fill('منوعات');
  await creating.getByLabel('الرابط').fill('');
  await creating.getByRole('button', { name: 'إنشاء القسم' }).click();
  await expect(creating.getByText('حُفظ.')).toBeVisible();
  const [variety] = await db.select().from(sections).where(eq(sections.slug, 'منوعات'));
  expect(variety).toBeDefined();

  // A story readers can reach under it (the workflow itself is other specs' subject).
  const headline = uniqueHeadline('مباراة');
  const storySlug = slugify(headline);
  await db.transaction((tx) => insertPublishedStory(tx, { kicker: '', headline, paragraphs: ['فاز الفريق.'], slug: storySlug, sectionId: variety!.id, authorIds: [], tagIds: [] }));
  const oldArticle = `/${encodeURIComponent('منوعات')}/${encodeURIComponent(storySlug)}`;
  const reader = await (await newClient(browser)).newPage();
  // Read once, so the cache holds the article and the section page before the changes below.
  expect((await reader.goto(oldArticle))!.status()).toBe(200);
  expect((await reader.goto(`/${encodeURIComponent('منوعات')}`))!.status()).toBe(200);

  // First in the navigation: moved up past every other section.
  await admin.reload();
  while ((await row(admin, 'منوعات').getByRole('form', { name: 'تقديم منوعات' }).count()) > 0) {
    const before = await admin.getByTestId('section-row').first().textContent();
    await row(admin, 'منوعات').getByRole('button', { name: 'تقديم' }).click();
    await expect(admin.getByTestId('section-row').first()).not.toHaveText(before ?? '');
  }
  await reader.goto('/');
  expect((await navLinks(reader)).slice(0, 2)).toEqual(['الرئيسية', 'منوعات']);

  // A description, shown on the section page and in its meta description.
  const varietyRow = row(admin, 'منوعات');
  await varietyRow.getByText('تعديل منوعات').click();
  await varietyRow.getByLabel('الوصف').fill('نتائج المباريات وأخبار الأندية.');
  await varietyRow.getByRole('button', { name: 'حفظ' }).click();
  await expect(varietyRow.getByText('حُفظ.')).toBeVisible();
  await reader.goto(`/${encodeURIComponent('منوعات')}`);
  await expect(reader.getByTestId('listing-description')).toHaveText('نتائج المباريات وأخبار الأندية.');
  await expect(reader.locator('meta[name="description"]')).toHaveAttribute('content', 'نتائج المباريات وأخبار الأندية.');
  await expect(reader.getByRole('link', { name: headline })).toBeVisible();

  // The slug changes: the old section URL and the old article URL answer 308 to the new ones.
  await varietyRow.getByLabel('الرابط').fill('variety');
  await varietyRow.getByRole('button', { name: 'حفظ' }).click();
  await expect(admin.getByRole('link', { name: '/variety' })).toBeVisible();
  const movedArticle = await request.get(oldArticle, { maxRedirects: 0 });
  expect(movedArticle.status()).toBe(308);
  expect(movedArticle.headers().location).toBe(`/variety/${encodeURIComponent(storySlug)}`);
  const movedSection = await request.get(`/${encodeURIComponent('منوعات')}`, { maxRedirects: 0 });
  expect(movedSection.status()).toBe(308);
  expect(movedSection.headers().location).toBe('/variety');
  expect((await request.get(`/variety/${encodeURIComponent(storySlug)}`)).status()).toBe(200);

  // Archived with nowhere to send readers: the section answers 410, its story stays; restored, it is back.
  const archived = admin.getByTestId('section-row').filter({ hasText: '/variety' });
  await archived.getByText('أرشفة منوعات أو دمجه أو حذفه').click();
  await archived.getByRole('form', { name: 'أرشفة منوعات' }).getByRole('button', { name: 'أرشفة' }).click();
  await expect(archived.getByText('مؤرشف (410)')).toBeVisible();
  expect((await request.get('/variety', { maxRedirects: 0 })).status()).toBe(410);
  expect((await request.get(`/variety/${encodeURIComponent(storySlug)}`)).status()).toBe(200);
  await reader.goto('/');
  expect(await navLinks(reader)).not.toContain('منوعات');
  await archived.getByRole('button', { name: 'استعادة' }).click();
  await expect(archived.getByText('مؤرشف (410)')).toHaveCount(0);
  expect((await request.get('/variety', { maxRedirects: 0 })).status()).toBe(200);
});

test('an editor renames a tag and describes it: the old tag URL answers 308, the tag page shows the description', async ({ browser, db, request, expectAccessible }) => {
  const name = uniqueHeadline('وسم');
  const { slug: storySlug } = await createPublishedStory(db, uniqueHeadline('خبر موسوم'), ['نص.'], [name]);
  const oldPath = `/tag/${encodeURIComponent(slugify(name))}`;
  expect((await request.get(oldPath)).status()).toBe(200);
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  await editor.goto(`/newsroom/tags?q=${encodeURIComponent(name)}`);
  await expectAccessible(editor);
  const tagRow = editor.getByTestId('tag-row');
  await expect(tagRow).toHaveCount(1);
  await expect(tagRow.getByText('قصة واحدة')).toBeVisible();
  await tagRow.getByText(`تعديل ${name}`).click();
  const newSlug = `renamed-${Date.now().toString(36)}`;
  await tagRow.getByLabel('الرابط').fill(newSlug);
  await tagRow.getByLabel('الوصف').fill('كل ما يخص هذا الوسم.');
  await tagRow.getByRole('button', { name: 'حفظ' }).click();
  await expect(tagRow.getByText('حُفظ.')).toBeVisible();
  const moved = await request.get(oldPath, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers().location).toBe(`/tag/${newSlug}`);
  const reader = await (await newClient(browser)).newPage();
  await reader.goto(`/tag/${newSlug}`);
  await expect(reader.getByTestId('listing-description')).toHaveText('كل ما يخص هذا الوسم.');
  // The article's tag link follows the rename.
  await reader.goto(`/technology/${encodeURIComponent(storySlug)}`);
  await expect(reader.locator(`a[href="/tag/${newSlug}"]`).first()).toBeVisible();
});
