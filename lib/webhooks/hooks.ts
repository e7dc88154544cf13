import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { webhookAttempts, webhookDeliveries, webhooks } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize, failure, fieldFailure, success, type Outcome } from '@/lib/dal';
import type { DeliveryState, WebhookEvent } from '@/lib/enums';
import { checkTarget, type Resolve } from './address';
import { enqueueDelivery } from './queue';
import type { CreateWebhookInput, UpdateWebhookInput } from './schemas';
import { newWebhookSecret } from './signature';

// Webhooks, managed by admins. Each change is audited with what it changed;
// allowing private targets shows in the audit log as allowPrivate: true.
// A target is checked when saved (a clear error now) and again on every
// delivery (the check that counts: DNS can change in between).

type Context = { ip: string; resolve?: Resolve };
export type WebhookView = { id: string; name: string; url: string; events: WebhookEvent[]; allowPrivate: boolean; active: boolean; createdAt: Date; lastState: DeliveryState | null };
export type AttemptView = { attempt: number; statusCode: number | null; durationMs: number; error: string | null; at: Date };
export type DeliveryView = { id: string; event: string; state: DeliveryState; createdAt: Date; attempts: AttemptView[] };

const TARGET_ERRORS = { invalid_url: 'errors.webhookUrl', unresolvable: 'errors.webhookUnresolvable', private_address: 'errors.webhookPrivate' } as const;

async function targetProblem(url: string, allowPrivate: boolean, ctx: Context): Promise<Outcome<never> | null> {
  const target = await checkTarget(url, allowPrivate, ctx.resolve);
  return target.ok ? null : fieldFailure({ url: TARGET_ERRORS[target.reason] });
}

const audited = (hook: Pick<typeof webhooks.$inferSelect, 'name' | 'url' | 'events' | 'allowPrivate' | 'active'>) => ({ name: hook.name, url: hook.url, events: hook.events, allowPrivate: hook.allowPrivate, active: hook.active });

/** Creates a hook; its signing secret is answered once, here, and shown once. */
export async function createWebhook(actor: CurrentUser | null, input: CreateWebhookInput, ctx: Context): Promise<Outcome<{ id: string; secret: string }>> {
  authorize(actor, 'webhooks:manage');
  const problem = await targetProblem(input.url, input.allowPrivate, ctx);
  if (problem) return problem;
  const secret = newWebhookSecret();
  return getDb().transaction(async (tx) => {
    const values = { name: input.name, url: input.url, events: input.events, allowPrivate: input.allowPrivate, active: true };
    const [hook] = await tx.insert(webhooks).values({ ...values, secret, createdById: actor.id, createdAt: now(), updatedAt: now() }).returning({ id: webhooks.id });
    const hookId = (hook as { id: string }).id;
    await recordAudit(tx, { actorId: actor.id, action: 'webhook.create', targetType: 'webhook', targetId: hookId, after: audited(values), ip: ctx.ip });
    return success({ id: hookId, secret });
  });
}

export async function updateWebhook(actor: CurrentUser | null, input: UpdateWebhookInput, ctx: Context): Promise<Outcome> {
  authorize(actor, 'webhooks:manage');
  const problem = await targetProblem(input.url, input.allowPrivate, ctx);
  if (problem) return problem;
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(webhooks).where(eq(webhooks.id, input.id)).for('update');
    if (!before) return failure('errors.notFound');
    const values = { name: input.name, url: input.url, events: input.events, allowPrivate: input.allowPrivate, active: input.active };
    await tx.update(webhooks).set({ ...values, updatedAt: now() }).where(eq(webhooks.id, input.id));
    await recordAudit(tx, { actorId: actor.id, action: 'webhook.update', targetType: 'webhook', targetId: input.id, before: audited(before), after: audited(values), ip: ctx.ip });
    return success(undefined);
  });
}

export async function deleteWebhook(actor: CurrentUser | null, input: { id: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'webhooks:manage');
  return getDb().transaction(async (tx) => {
    const [gone] = await tx.delete(webhooks).where(eq(webhooks.id, input.id)).returning();
    if (!gone) return failure('errors.notFound');
    await recordAudit(tx, { actorId: actor.id, action: 'webhook.delete', targetType: 'webhook', targetId: input.id, before: audited(gone), ip: ctx.ip });
    return success(undefined);
  });
}

/** Queues a `ping` to the hook, signed like any delivery; it shows in the log like one. */
export async function sendTestDelivery(actor: CurrentUser | null, input: { id: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'webhooks:manage');
  return getDb().transaction(async (tx) => {
    const [hook] = await tx.select({ id: webhooks.id, name: webhooks.name }).from(webhooks).where(eq(webhooks.id, input.id));
    if (!hook) return failure('errors.notFound');
    const at = now();
    const payload = { event: 'ping', created_at: at.toISOString(), data: { webhook: { id: hook.id, name: hook.name } } };
    const [delivery] = await tx.insert(webhookDeliveries).values({ webhookId: hook.id, event: 'ping', payload, createdAt: at }).returning({ id: webhookDeliveries.id });
    await enqueueDelivery(tx, (delivery as { id: string }).id);
    await recordAudit(tx, { actorId: actor.id, action: 'webhook.test', targetType: 'webhook', targetId: hook.id, ip: ctx.ip });
    return success(undefined);
  });
}

/** Every hook with the state of its latest delivery. */
export async function listWebhooks(actor: CurrentUser | null): Promise<WebhookView[]> {
  authorize(actor, 'webhooks:manage');
  const db = getDb();
  const hooks = await db.select().from(webhooks).orderBy(desc(webhooks.createdAt));
  // The latest delivery of each hook, in one read of the (webhook_id, created_at desc) index.
  const latest = await db
    .selectDistinctOn([webhookDeliveries.webhookId], { webhookId: webhookDeliveries.webhookId, state: webhookDeliveries.state })
    .from(webhookDeliveries)
    .orderBy(webhookDeliveries.webhookId, sql`${webhookDeliveries.createdAt} desc`);
  const stateOf = new Map(latest.map((row) => [row.webhookId, row.state]));
  return hooks.map((hook) => ({ id: hook.id, name: hook.name, url: hook.url, events: hook.events, allowPrivate: hook.allowPrivate, active: hook.active, createdAt: hook.createdAt, lastState: stateOf.get(hook.id) ?? null }));
}

const LOG_SIZE = 50;

/** One hook (never its secret) and its latest deliveries, each with every attempt. */
export async function getWebhook(actor: CurrentUser | null, hookId: string): Promise<{ hook: WebhookView; deliveries: DeliveryView[] } | null> {
  authorize(actor, 'webhooks:manage');
  const db = getDb();
  const [hook] = await db.select().from(webhooks).where(eq(webhooks.id, hookId));
  if (!hook) return null;
  const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hookId)).orderBy(desc(webhookDeliveries.createdAt)).limit(LOG_SIZE);
  const attempts = deliveries.length
    ? await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveries.map((d) => d.id))).orderBy(webhookAttempts.attempt)
    : [];
  return {
    hook: { id: hook.id, name: hook.name, url: hook.url, events: hook.events, allowPrivate: hook.allowPrivate, active: hook.active, createdAt: hook.createdAt, lastState: deliveries[0]?.state ?? null },
    deliveries: deliveries.map((d) => ({
      id: d.id,
      event: d.event,
      state: d.state,
      createdAt: d.createdAt,
      attempts: attempts.filter((a) => a.deliveryId === d.id).map((a) => ({ attempt: a.attempt, statusCode: a.statusCode, durationMs: a.durationMs, error: a.error, at: a.createdAt })),
    })),
  };
}
