import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, inArray } from 'drizzle-orm';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditLog, webhookAttempts, webhookDeliveries, webhooks } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { startJobRunner } from '@/lib/jobs/runner';
import { saveStory } from '@/lib/stories/save';
import { transition } from '@/lib/stories/transitions';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { createWebhook, sendTestDelivery, updateWebhook } from './hooks';

// Webhooks end to end: a receiver this test starts on 127.0.0.1 (a private
// address, allowed for these hooks only), the real job runner, a story
// published through the workflow.

const { db, client } = connectTestDb();
const ctx = { ip: '203.0.113.7' };
let admin: CurrentUser;
let writer: CurrentUser;
let editor: CurrentUser;
let sectionId: string;
let runner: Runner;

type Received = { at: number; headers: IncomingMessage['headers']; body: string };
type Receiver = { url: string; received: Received[]; server: Server };
const receivers: Receiver[] = [];
const hookIds: string[] = [];

/** A receiver answering with `statuses` in turn, then 200. */
async function startReceiver(statuses: number[] = []): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ at: Date.now(), headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sahifa`, received, server };
  receivers.push(receiver);
  return receiver;
}

async function hookTo(receiver: Receiver, name: string): Promise<{ id: string; secret: string }> {
  const created = await createWebhook(admin, { name, url: receiver.url, events: ['story.published', 'story.updated', 'story.taken_down', 'story.retracted'], allowPrivate: true }, ctx);
  if (!created.ok) throw new Error(`hook not created: ${JSON.stringify(created)}`);
  hookIds.push(created.data.id);
  return created.data;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Checks a Sahifa-Signature the way docs/api.md tells a receiver to. */
function verify(received: Received, secret: string): boolean {
  const match = String(received.headers['sahifa-signature']).match(/^t=(\d+),v1=([0-9a-f]{64})$/);
  if (!match) return false;
  const [, t, v1] = match;
  const fresh = Math.abs(Number(t) - Date.now() / 1000) < 300;
  return fresh && v1 === createHmac('sha256', secret).update(`${t}.${received.body}`).digest('hex');
}

async function approvedStory(label: string): Promise<string> {
  const id = await createStory(writer);
  const story = (await getStoryForEditor(writer, id))!.story;
  await saveStory(writer, id, contentOf(story, { headline: label, slug: `${label}-${id.slice(0, 8)}`, sectionId, body: paragraphsToDoc(['نص للخطاف']) }));
  await transition(writer, id, { action: 'submit' });
  await transition(editor, id, { action: 'approve', expectedVersion: (await getStoryForEditor(editor, id))!.story.version, acknowledge: true });
  return id;
}

beforeAll(async () => {
  admin = await createStaff(db, 'admin');
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  sectionId = await db.transaction((tx) => ensureSection(tx, 'hooks-desk', 'خطافات'));
  runner = await startJobRunner(inject('databaseUrl'), async () => {});
});
afterAll(async () => {
  await runner?.stop();
  // Other test files publish too: leave no hook behind to announce their stories.
  if (hookIds.length) await db.delete(webhooks).where(inArray(webhooks.id, hookIds));
  for (const { server } of receivers) await new Promise((resolve) => server.close(resolve));
  await client.end();
});

describe('webhooks', () => {
  it('refuses a loopback target unless the hook allows private addresses, and audits the leave', async () => {
    const receiver = await startReceiver();
    const refused = await createWebhook(admin, { name: 'محلي', url: receiver.url, events: ['story.published'], allowPrivate: false }, ctx);
    expect(refused).toEqual({ ok: false, fieldErrors: { url: 'errors.webhookPrivate' } });
    const metadata = await createWebhook(admin, { name: 'بيانات', url: 'http://169.254.169.254/latest/meta-data/', events: ['story.published'], allowPrivate: false }, ctx);
    expect(metadata).toEqual({ ok: false, fieldErrors: { url: 'errors.webhookPrivate' } });
    const hook = await hookTo(receiver, 'مسموح');
    expect(hook.secret).toMatch(/^whsec_/);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.targetType, 'webhook'), eq(auditLog.targetId, hook.id)));
    expect(entry).toMatchObject({ action: 'webhook.create', after: expect.objectContaining({ allowPrivate: true, url: receiver.url }) });
    // The secret never lands in the audit log.
    expect(JSON.stringify(entry)).not.toContain(hook.secret);
    // Turning the leave off is audited too, and from then on the loopback target is refused.
    expect(await updateWebhook(admin, { id: hook.id, name: 'مسموح', url: receiver.url, events: ['story.published'], allowPrivate: false, active: true }, ctx)).toEqual({ ok: false, fieldErrors: { url: 'errors.webhookPrivate' } });
    await db.delete(webhooks).where(eq(webhooks.id, hook.id));
  });

  it('lets only admins manage hooks', async () => {
    for (const staff of [writer, editor]) {
      await expect(createWebhook(staff, { name: 'x', url: 'https://example.com/', events: ['story.published'], allowPrivate: false }, ctx)).rejects.toThrow(Forbidden);
      await expect(sendTestDelivery(staff, { id: '00000000-0000-0000-0000-000000000000' }, ctx)).rejects.toThrow(Forbidden);
    }
  });

  it('delivers a correctly signed publish within 5 s, and retries one that got a 500', async () => {
    const steady = await startReceiver();
    const flaky = await startReceiver([500]);
    const steadyHook = await hookTo(steady, 'ثابت');
    const flakyHook = await hookTo(flaky, 'متعثر');
    const storyId = await approvedStory('خطاف');

    const publishedAt = Date.now();
    expect((await transition(editor, storyId, { action: 'publish', acknowledge: true })).ok).toBe(true);
    const [delivered] = await until(() => steady.received, (r) => r.length > 0, 5_000, 'no delivery');
    expect(delivered!.at - publishedAt).toBeLessThan(5_000);
    expect(verify(delivered!, steadyHook.secret)).toBe(true);
    expect(verify(delivered!, flakyHook.secret)).toBe(false);
    const body = JSON.parse(delivered!.body) as { id: string; event: string; data: { story: { id: string; headline: string; url: string } } };
    expect(body).toMatchObject({ event: 'story.published', data: { story: { id: storyId, headline: 'خطاف' } } });
    expect(delivered!.headers['sahifa-event']).toBe('story.published');
    expect(delivered!.headers['sahifa-delivery']).toBe(body.id);

    // The flaky receiver answered 500 first: the runner tries again (after e^1 ≈ 2.7 s), with the same delivery.
    const [first, retry] = await until(() => flaky.received, (r) => r.length >= 2, 15_000, 'no retry');
    expect(first!.body).toBe(retry!.body);
    expect(verify(first!, flakyHook.secret) && verify(retry!, flakyHook.secret)).toBe(true);
    const [delivery] = await until(
      () => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, flakyHook.id)),
      (rows) => rows[0]?.state === 'succeeded',
      5_000,
      'the retried delivery was not marked delivered',
    );
    const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery!.id)).orderBy(webhookAttempts.attempt);
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, 'http_status'],
      [2, 200, null],
    ]);
    expect(attempts.every((a) => a.durationMs >= 0 && a.durationMs < 5_000)).toBe(true);

    // A take-down is announced without the content readers lost.
    expect((await transition(editor, storyId, { action: 'take_down', reason: 'سبب داخلي' })).ok).toBe(true);
    const takenDown = await until(() => steady.received, (r) => r.length >= 2, 5_000, 'no take-down delivery');
    const downBody = JSON.parse(takenDown[1]!.body) as { event: string; data: { story: Record<string, unknown> } };
    expect(downBody).toEqual(expect.objectContaining({ event: 'story.taken_down', data: { story: { id: storyId, state: 'taken_down', notice: null } } }));
    expect(takenDown[1]!.body).not.toContain('سبب داخلي');
  });

  it('sends a signed ping from the test button, logged like any delivery', async () => {
    const receiver = await startReceiver();
    const hook = await hookTo(receiver, 'تجربة');
    expect(await sendTestDelivery(admin, { id: hook.id }, ctx)).toEqual({ ok: true, data: undefined });
    const [ping] = await until(() => receiver.received, (r) => r.length > 0, 5_000, 'no ping');
    expect(verify(ping!, hook.secret)).toBe(true);
    expect(JSON.parse(ping!.body)).toMatchObject({ event: 'ping', data: { webhook: { id: hook.id } } });
  });
});
