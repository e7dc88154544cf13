import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStories, webhookAttempts, webhookDeliveries, webhooks } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import { getStory, listStories } from '@/lib/api/content';
import { storiesQuery } from '@/lib/api/params';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { getEnv } from '@/lib/env';
import { lookupArticle } from '@/lib/reader/article-lookup';
import { setRestricted } from '@/lib/stories/restriction';
import { saveStory } from '@/lib/stories/save';
import { transition } from '@/lib/stories/transitions';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { createWebhook } from './hooks';
import { attemptDelivery } from './queue';

// The content API and webhooks send exactly what readers can see, no more:
// a restricted story is the newsroom's business until it is published, then
// readers, the API and hooks get the published text (never the restricted
// working copy); and a delivery sent after readers lost the story, or in a
// version they no longer see, does not carry that content. Attempts are made
// here by hand (no job runner), so the order of events is the test's.

const { db, client } = connectTestDb();
const ctx = { ip: '203.0.113.8' };
let writer: CurrentUser;
let editor: CurrentUser;
/** Edits what is already approved or live (a writer may not); `editor` approves, being no author of those edits. */
let deskEditor: CurrentUser;
let sectionId: string;
let sectionSlug: string;
let hookId: string;
let server: Server;
const received: string[] = [];
const label = () => Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  deskEditor = await createStaff(db, 'editor');
  sectionSlug = `parity-${label()}`;
  sectionId = await db.transaction((tx) => ensureSection(tx, sectionSlug, 'تطابق'));
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const hook = await createWebhook(await createStaff(db, 'admin'), { name: 'تطابق', url, events: ['story.published', 'story.updated', 'story.taken_down', 'story.retracted'], allowPrivate: true }, ctx);
  if (!hook.ok) throw new Error(JSON.stringify(hook));
  hookId = hook.data.id;
});
afterAll(async () => {
  // Other files publish too: leave no hook behind (its deliveries go with it; their queued jobs then skip).
  await db.delete(webhooks).where(eq(webhooks.id, hookId));
  await new Promise((resolve) => server.close(resolve));
  await client.end();
});

const draftOf = async (id: string) => (await getStoryForEditor(editor, id))!.story;

async function ok(outcome: Promise<{ ok: boolean }>) {
  const result = await outcome;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

/** `by` saves `headline` over the working copy and submits it; `editor` approves it: ready to publish. */
async function approved(id: string, headline: string, by = writer) {
  await saveStory(by, id, contentOf(await draftOf(id), { headline, slug: `parity-${id.slice(0, 8)}`, sectionId, body: paragraphsToDoc([`نص ${headline}`]) }));
  await ok(transition(by, id, { action: 'submit' }));
  await ok(transition(editor, id, { action: 'approve', expectedVersion: (await draftOf(id)).version, acknowledge: true }));
}

/** This hook's deliveries about the story, by event. */
async function deliveriesOf(storyId: string) {
  const rows = await db
    .select({ id: webhookDeliveries.id, event: webhookDeliveries.event, state: webhookDeliveries.state })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, hookId), sql`${webhookDeliveries.payload}->'data'->'story'->>'id' = ${storyId}`));
  return Object.fromEntries(rows.map((row) => [row.event, row]));
}

const attempt = (deliveryId: string) => attemptDelivery({ deliveryId }, { attempts: 1, max_attempts: 8 });

/** What a reader gets at the story's URL, and what the API answers by id and in a sync listing. */
async function everywhere(storyId: string, since: Date) {
  const [row] = await db.select({ slug: publishedStories.slug }).from(publishedStories).where(eq(publishedStories.storyId, storyId));
  const reader = row ? await lookupArticle(db, sectionSlug, row.slug) : { kind: 'missing' as const };
  const byId = await getStory(db, getEnv().SITE_URL, storyId);
  const listed = await listStories(db, getEnv().SITE_URL, storiesQuery.parse({ order: 'updated', updated_since: since.toISOString(), section: sectionSlug, limit: '100' }));
  return {
    reader: reader.kind === 'article' ? reader.article.headline : reader.kind,
    api: byId?.headline ?? null,
    listed: listed.data.filter((story) => story.id === storyId).map((story) => story.headline),
  };
}

describe('the API and webhooks give what readers get', () => {
  it('keeps a restricted story out until it is published, then sends the published text, never the working copy', async () => {
    const since = new Date(Date.now() - 1_000);
    const id = await createStory(writer);
    await ok(setRestricted(editor, id, true));
    const headline = `تحقيق ${label()}`;
    await approved(id, headline);
    expect(await everywhere(id, since)).toEqual({ reader: 'missing', api: null, listed: [] });
    expect(await deliveriesOf(id)).toEqual({});

    // Published while restricted: the restriction is the newsroom's; readers, the API and hooks get the published text.
    await ok(transition(editor, id, { action: 'publish', acknowledge: true }));
    expect(await everywhere(id, since)).toEqual({ reader: headline, api: headline, listed: [headline] });
    // The restricted working copy moves on: nobody outside the newsroom sees it.
    expect(await saveStory(deskEditor, id, contentOf(await draftOf(id), { headline: `مصدر سري ${label()}` }))).toMatchObject({ status: 'saved' });
    expect(await everywhere(id, since)).toEqual({ reader: headline, api: headline, listed: [headline] });
    const { 'story.published': published } = await deliveriesOf(id);
    expect(published).toMatchObject({ state: 'pending' });
    expect(await attempt(published!.id)).toBe('succeeded');
    expect(JSON.parse(received.at(-1)!)).toMatchObject({ event: 'story.published', data: { story: { id, headline } } });
    expect(received.join('')).not.toContain('مصدر سري');
  });

  it('withholds a delivery of content readers lost before it went out, and logs why', async () => {
    const id = await createStory(writer);
    const headline = `خبر سيُسحب ${label()}`;
    await approved(id, headline);
    await ok(transition(editor, id, { action: 'publish', acknowledge: true }));
    await ok(transition(editor, id, { action: 'take_down', reason: 'قرار قانوني' }));
    expect(await everywhere(id, new Date(0))).toEqual({ reader: 'gone', api: null, listed: [] });

    const { 'story.published': published, 'story.taken_down': takenDown } = await deliveriesOf(id);
    const before = received.length;
    expect(await attempt(published!.id)).toBe('withheld');
    expect(received.length).toBe(before);
    const [logged] = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, published!.id));
    expect(logged).toMatchObject({ statusCode: null, error: 'withheld' });
    expect((await deliveriesOf(id))['story.published']?.state).toBe('failed');
    // The take-down itself goes out, with no content.
    expect(await attempt(takenDown!.id)).toBe('succeeded');
    expect(JSON.parse(received.at(-1)!)).toMatchObject({ event: 'story.taken_down', data: { story: { id, state: 'taken_down', notice: null } } });
    expect(received.slice(before).join('')).not.toContain(headline);
  });

  it('sends the version readers see now when a newer one was published before the delivery went out', async () => {
    const id = await createStory(writer);
    const first = `الصيغة الأولى ${label()}`;
    const second = `الصيغة المصححة ${label()}`;
    await approved(id, first);
    await ok(transition(editor, id, { action: 'publish', acknowledge: true }));
    await approved(id, second, deskEditor);
    await ok(transition(editor, id, { action: 'publish', acknowledge: true }));
    expect(await everywhere(id, new Date(0))).toEqual({ reader: second, api: second, listed: [second] });

    const { 'story.published': published, 'story.updated': updated } = await deliveriesOf(id);
    expect(updated).toMatchObject({ state: 'pending' });
    expect(await attempt(published!.id)).toBe('succeeded');
    expect(JSON.parse(received.at(-1)!)).toMatchObject({ event: 'story.published', data: { story: { id, headline: second } } });
    expect(received.at(-1)).not.toContain(first);
    // The log keeps what was sent.
    const [stored] = await db.select({ payload: webhookDeliveries.payload }).from(webhookDeliveries).where(eq(webhookDeliveries.id, published!.id));
    expect(stored?.payload).toMatchObject({ data: { story: { headline: second } } });
  });
});
