import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { apiKeys, legacyRedirects, publishedStories, sections, shareLinks, stories, users, webhooks } from '@/db/schema';
import { insertPublishedStory } from '@/db/seed';
import { newApiKey } from '@/lib/api/key-token';
import { parseSeedStory } from '@/db/seed-story';
import { can, type Role } from '@/lib/auth/permissions';
import { signShareToken } from '@/lib/share/token';
import { slugify } from '@/lib/slug';
import { photo } from '@/test/media-files';
import { createStaff, TEST_PASSWORD } from '@/test/staff';
import { connectClient, leave } from '@/test/collab';
import { pageRows, routeRows, socketRows } from '@/test/entry-points';
import { expect, test } from './fixtures';
import { newClient, signIn, storageStateOf, uniqueIp } from './session';

// Every page and route handler, for every kind of visitor, over HTTP.
type Visitor = 'anonymous' | 'anonymous+subrequest' | Role | 'deactivated';
const visitors: Visitor[] = ['anonymous', 'anonymous+subrequest', 'writer', 'editor', 'admin', 'deactivated'];
// The header of CVE-2025-29927: it must not let anyone past the proxy, and the pages check anyway.
const SUBREQUEST = 'middleware:middleware:middleware:middleware:middleware';

test.describe.configure({ mode: 'serial' });

const contexts = new Map<Visitor, APIRequestContext>();
let substitutions: Record<string, string> = {};
// A live content API key, issued straight into the database: the one visitor the API routes answer.
let apiKey = '';

test.beforeAll(async ({ browser, db, baseURL }) => {
  const seedSlug = slugify(parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8')).headline);
  const [writer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'writer@sahifa.test'));
  const [seedStory] = await db.select({ id: stories.id }).from(stories).where(eq(stories.slug, seedSlug));
  const [seedLive] = await db.select({ tags: publishedStories.tags, bylines: publishedStories.bylines }).from(publishedStories).where(eq(publishedStories.slug, seedSlug));
  // A live share link to the seed story, signed with the e2e server's secret.
  const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
  const [link] = await db.insert(shareLinks).values({ storyId: seedStory!.id, expiresAt }).returning({ id: shareLinks.id });
  const shareToken = signShareToken({ linkId: link!.id, expiresAt }, process.env.E2E_AUTH_SECRET as string);
  // A restricted story in «تكنولوجيا», nobody's own: writers must find nothing, editors of its desk (the general one) and admins open it.
  const [technology] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'technology'));
  const restrictedSlug = `matrix-restricted-${Date.now().toString(36)}`;
  const restrictedId = await db.transaction((tx) => insertPublishedStory(tx, { kicker: '', headline: 'خبر مقيد للمصفوفة', paragraphs: ['نص.'], slug: restrictedSlug, sectionId: technology!.id, authorIds: [], tagIds: [] }));
  await db.update(stories).set({ restricted: true }).where(eq(stories.id, restrictedId));
  substitutions = { '{restricted-story-id}': restrictedId, '{story-id}': seedStory!.id, '{story}': encodeURIComponent(seedSlug), '{user}': writer!.id, '{share-token}': shareToken, '{tag}': encodeURIComponent(seedLive!.tags[0]!.slug), '{author}': encodeURIComponent(seedLive!.bylines[0]!.slug) };

  const headers = { 'x-forwarded-for': uniqueIp() };
  contexts.set('anonymous', await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: headers }));
  contexts.set('anonymous+subrequest', await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { ...headers, 'x-middleware-subrequest': SUBREQUEST } }));
  for (const role of ['writer', 'editor', 'admin'] as Role[]) {
    contexts.set(role, await playwrightRequest.newContext({ baseURL, storageState: storageStateOf(role), extraHTTPHeaders: headers }));
  }
  // A session that was valid, then its account deactivated.
  const gone = await createStaff(db, 'admin');
  const browserContext = await newClient(browser);
  await signIn(await browserContext.newPage(), gone.email, TEST_PASSWORD);
  const state = await browserContext.storageState();
  await browserContext.close();
  await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
  contexts.set('deactivated', await playwrightRequest.newContext({ baseURL, storageState: state, extraHTTPHeaders: headers }));
  // An image to serve: uploaded the way the library does it.
  const upload = await contexts.get('writer')!.post('/api/media', { headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'matrix.png' }, data: await photo(400, 300, 'png') });
  expect(upload.status()).toBe(201);
  const { item } = (await upload.json()) as { item: { id: string } };
  substitutions['{media-file}'] = `${item.id}/320.webp`;
  const issued = newApiKey();
  await db.insert(apiKeys).values({ name: 'matrix', prefix: issued.prefix, keyHash: issued.hash });
  apiKey = issued.key;
  // Paused, so the stories other specs publish queue nothing for it.
  const [hook] = await db.insert(webhooks).values({ name: 'matrix', url: 'https://example.com/hook', secret: 'whsec_matrix', events: ['story.published'], active: false }).returning({ id: webhooks.id });
  substitutions['{webhook}'] = hook!.id;
  // An old path, as an import leaves them, to the seed story.
  await db.insert(legacyRedirects).values({ path: '/2019/03/matrix-old-path', storyId: seedStory!.id }).onConflictDoNothing();
  substitutions['{legacy-path}'] = 'matrix-old-path';
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

const fill = (path: string) => Object.entries(substitutions).reduce((p, [key, value]) => p.replace(key, value), path);

for (const row of pageRows) {
  test(`page ${row.path}`, async () => {
    for (const visitor of visitors) {
      const response = await contexts.get(visitor)!.get(fill(row.path), { maxRedirects: 0 });
      const where = `${visitor} → ${row.path}`;
      if ('public' in row) {
        expect(response.status(), where).toBeLessThan(400);
        continue;
      }
      const signedIn = visitor === 'writer' || visitor === 'editor' || visitor === 'admin';
      if (!signedIn) {
        // Anonymous, forged or revoked: sent to sign in, never shown the page.
        expect(response.status(), where).toBe(307);
        expect(new URL(response.headers().location ?? '', 'http://x').pathname, where).toBe('/login');
      } else if (can({ id: 'x', role: visitor, status: 'active' }, row.capability)) {
        expect(response.status(), where).toBe(200);
      } else {
        expect(response.status(), where).toBe(404);
      }
    }
  });
}

for (const row of routeRows) {
  test(`route ${row.method} ${row.path}`, async () => {
    for (const visitor of visitors) {
      // Routes that change data get an empty body: the point is who gets past authorization, not the change.
      const response = await contexts.get(visitor)!.fetch(fill(row.path), { method: row.method, maxRedirects: 0, ...(row.method === 'GET' ? {} : { data: {} }) });
      const where = `${visitor} → ${row.method} ${row.path}`;
      if ('public' in row) {
        expect(response.status(), where).toBe(200);
        continue;
      }
      if ('internal' in row || 'operator' in row) {
        expect(response.status(), where).toBe(404);
        continue;
      }
      if ('apiKey' in row) {
        // A staff session is no key: everyone without one is refused alike.
        expect(response.status(), where).toBe(401);
        continue;
      }
      const signedIn = visitor === 'writer' || visitor === 'editor' || visitor === 'admin';
      if (!signedIn) expect(response.status(), where).toBe(401);
      else if (!can({ id: 'x', role: visitor, status: 'active' }, row.capability)) expect(response.status(), where).toBe(404);
      // Authorized: a read answers; a change is past the gate, so its empty body is what gets refused.
      else expect(response.status(), where).toBe(row.method === 'GET' ? 200 : 422);
    }
  });
}

for (const row of routeRows.filter((r) => 'apiKey' in r)) {
  test(`route ${row.method} ${row.path} with a live API key`, async () => {
    const response = await contexts.get('anonymous')!.fetch(fill(row.path), { method: row.method, maxRedirects: 0, headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status()).toBe(200);
  });
}

for (const row of socketRows) {
  test(`socket ${row.path} ${row.document}`, async ({ baseURL }) => {
    for (const visitor of visitors) {
      const cookies = (await contexts.get(visitor)!.storageState()).cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
      const tab = await connectClient(`${baseURL!.replace(/^http/, 'ws')}${row.path}`, fill(row.document), cookies || null);
      const where = `${visitor} → ${row.path}`;
      leave(tab);
      const signedIn = visitor === 'writer' || visitor === 'editor' || visitor === 'admin';
      if (!signedIn) expect(tab.denied, where).toEqual(['session-ended']);
      else if (!can({ id: 'x', role: visitor, status: 'active' }, row.capability)) expect(tab.denied, where).toEqual(['not-found']);
      // The seed story is nobody's own: writers read it, editors and admins edit it.
      else expect(tab.provider.authorizedScope, where).toBe(can({ id: 'x', role: visitor, status: 'active' }, 'stories:edit-any') ? 'read-write' : 'readonly');
    }
  });
}
