import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { storyDocumentUpdates } from '@/db/schema';
import { stories, users } from '@/db/schema';
import { paragraphsToDoc } from '@/lib/content/document';
import { connectClient, eventually, fieldText, leave, typeIntoField } from '@/test/collab';
import { createStaff, TEST_PASSWORD } from '@/test/staff';
import { expect, test } from './fixtures';
import { demoEmail, newClient, signIn, storageStateOf, type DemoRole } from './session';
import { collabStatus, statusBecomes, storyBody } from './typists';

// The co-editing socket of the real app server (scripts/server.ts, /collab on
// the app's own port), with the session cookies a browser got by signing in.
// The clients are Node ones speaking the same protocol, so that one of them
// can forge what a modified browser could send.

async function signedInCookies(browser: import('@playwright/test').Browser, email: string): Promise<string> {
  const context = await newClient(browser);
  await signIn(await context.newPage(), email, TEST_PASSWORD);
  const cookies = (await context.storageState()).cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  await context.close();
  return cookies;
}

/** The cookies of a demo account's saved session (e2e/auth.setup.ts). */
function demoCookies(role: DemoRole): string {
  const state = JSON.parse(readFileSync(storageStateOf(role), 'utf8')) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

const socketUrl = (baseURL: string | undefined) => `${baseURL!.replace(/^http/, 'ws')}/collab`;

test('a writer’s socket on their story in review is read-only: a forged update is refused and the stored text unchanged', async ({ db, baseURL }) => {
  const [writer] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('writer')));
  const [story] = await db
    .insert(stories)
    .values({ headline: 'في المراجعة', body: paragraphsToDoc(['نص مقدَّم للمراجعة.']), createdById: writer!.id, editorialState: 'in_review' })
    .returning({ id: stories.id });
  const id = story!.id;
  const watching = await connectClient(socketUrl(baseURL), id, demoCookies('editor'));
  const tab = await connectClient(socketUrl(baseURL), id, demoCookies('writer'));
  try {
    expect(watching.provider.authorizedScope).toBe('read-write');
    expect(tab.provider.authorizedScope).toBe('readonly');
    expect(fieldText(tab.doc, 'headline')).toBe('في المراجعة');
    // What a modified client could send: a change straight into its document, which the provider sends on.
    typeIntoField(tab.doc, 'headline', ' — مزوّر');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(fieldText(watching.doc, 'headline')).toBe('في المراجعة');
    const [row] = await db.select({ headline: stories.headline, version: stories.version }).from(stories).where(eq(stories.id, id));
    expect(row).toEqual({ headline: 'في المراجعة', version: 1 });
    expect(await db.select().from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, id))).toEqual([]);
  } finally {
    leave(tab);
    leave(watching);
  }
});

test('deactivating a connected user closes their socket within 5 s, with the reason', async ({ browser, db, baseURL }) => {
  // A fresh account (the demo ones are shared by the suite), signed in through the form: slow on a busy machine.
  test.setTimeout(120_000);
  const writer = await createStaff(db, 'writer');
  const [story] = await db.insert(stories).values({ body: paragraphsToDoc(['']), createdById: writer.id }).returning({ id: stories.id });
  const tab = await connectClient(socketUrl(baseURL), story!.id, await signedInCookies(browser, writer.email));
  try {
    expect(tab.provider.authorizedScope).toBe('read-write');
    const at = Date.now();
    await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, writer.id));
    const closes = await eventually(() => tab.closes, (list) => list.length > 0, 5000);
    expect(Date.now() - at).toBeLessThan(5000);
    expect(closes[0]).toEqual({ code: 4401, reason: 'session-ended' });
  } finally {
    leave(tab);
  }
});

// The same two promises seen from a browser: the editor a person actually uses.

test('a writer’s page on their story in review is read-only: keys change nothing, on the page or in the story', async ({ browser, db }) => {
  const [writer] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('writer')));
  const [story] = await db
    .insert(stories)
    .values({ headline: 'في المراجعة من المتصفح', body: paragraphsToDoc(['نص مقدَّم للمراجعة.']), createdById: writer!.id, editorialState: 'in_review' })
    .returning({ id: stories.id });
  const context = await newClient(browser, { storageState: storageStateOf('writer') });
  const page = await context.newPage();
  await page.goto(`/newsroom/stories/${story!.id}`);
  await statusBecomes(page, ['read-only'], 15_000);
  await expect(storyBody(page)).toHaveAttribute('contenteditable', 'false');
  await storyBody(page).click();
  await page.keyboard.type('محاولة تعديل');
  await page.waitForTimeout(2_000);
  await expect(storyBody(page)).toHaveText('نص مقدَّم للمراجعة.');
  const [row] = await db.select({ body: stories.body, version: stories.version }).from(stories).where(eq(stories.id, story!.id));
  expect(row).toEqual({ body: paragraphsToDoc(['نص مقدَّم للمراجعة.']), version: 1 });
  expect(await db.select().from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, story!.id))).toEqual([]);
  await context.close();
});

test('deactivating a writer with the story open: within 5 s their page stops saying connected and names the reason', async ({ browser, db }) => {
  test.setTimeout(120_000);
  const writer = await createStaff(db, 'writer');
  const [story] = await db.insert(stories).values({ body: paragraphsToDoc(['']), createdById: writer.id }).returning({ id: stories.id });
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, writer.email, TEST_PASSWORD);
  await page.goto(`/newsroom/stories/${story!.id}`);
  await statusBecomes(page, ['connected'], 15_000);
  const at = Date.now();
  await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, writer.id));
  await statusBecomes(page, ['offline', 'refused'], 5_000);
  expect(Date.now() - at).toBeLessThan(5_000);
  await expect(collabStatus(page)).toContainText('انتهت جلستك');
  await context.close();
});
