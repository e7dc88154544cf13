import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { webhookAttempts, webhookDeliveries, webhooks } from '@/db/schema';
import { now } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { currentPayload, type DeliveryPayload } from './current-body';
import { sendSigned, type Attempt, type SendOptions } from './send';

// Deliveries through the job runner (graphile-worker). One job per delivery,
// keyed by its id; each run is one attempt. A failed attempt throws, and the
// runner retries with its exponential backoff (e^n seconds after the n-th:
// about 3 s, 7 s, 20 s, 55 s, 2.5 min, 7 min, 18 min) up to
// WEBHOOK_MAX_ATTEMPTS; every attempt lands in the log the page shows.
// Not server-only: the runner loads this outside Next.

export const WEBHOOK_JOB = 'webhook_delivery';

/** Adds the delivery's job in the caller's transaction. */
export async function enqueueDelivery(tx: Executor, deliveryId: string): Promise<void> {
  await tx.execute(
    sql`select graphile_worker.add_job(${WEBHOOK_JOB}, ${JSON.stringify({ deliveryId })}::json, job_key := ${`webhook:${deliveryId}`}, max_attempts := ${getEnv().WEBHOOK_MAX_ATTEMPTS})`,
  );
}

/** Refusals no retry can fix: the URL or the address the admin configured. */
const FINAL_ERRORS = new Set<Attempt['error']>(['invalid_url', 'private_address']);

const jobPayload = z.object({ deliveryId: z.uuid() });

export type DeliveryOutcome = 'succeeded' | 'retry' | 'failed' | 'skipped' | 'withheld';

/** What the log says of an attempt: how sending went, or that there was nothing readers still see to send. */
export type DeliveryError = Attempt['error'] | 'withheld';

/**
 * One attempt of a delivery, recorded with its status code and duration.
 * `job` is the runner's count: this attempt's number (from 1) and the most it will make.
 */
export async function attemptDelivery(payload: unknown, job: { attempts: number; max_attempts: number }, options: Partial<SendOptions> = {}): Promise<DeliveryOutcome> {
  // A job row anyone with database access could have written: read it like any input.
  const parsed = jobPayload.safeParse(payload);
  if (!parsed.success) return 'skipped';
  const db = getDb();
  const [row] = await db
    .select({ delivery: webhookDeliveries, url: webhooks.url, secret: webhooks.secret, allowPrivate: webhooks.allowPrivate })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, parsed.data.deliveryId));
  if (!row || row.delivery.state !== 'pending') return 'skipped';
  const { delivery } = row;
  const current = await currentPayload(db, delivery.event, delivery.payload as DeliveryPayload);
  if (current.kind === 'withheld') {
    await recordAttempt(delivery.id, job.attempts, 'withheld', { statusCode: null, durationMs: 0, error: 'withheld' });
    return 'withheld';
  }
  const body = JSON.stringify({ id: delivery.id, ...current.payload });
  const attempt = await sendSigned(
    { url: row.url, allowPrivate: row.allowPrivate, secret: row.secret, body, headers: { 'sahifa-event': delivery.event, 'sahifa-delivery': delivery.id } },
    { timeoutMs: getEnv().WEBHOOK_TIMEOUT_SECONDS * 1000, ...options },
  );
  const outcome: DeliveryOutcome = attempt.error === null ? 'succeeded' : FINAL_ERRORS.has(attempt.error) || job.attempts >= job.max_attempts ? 'failed' : 'retry';
  await recordAttempt(delivery.id, job.attempts, outcome, attempt, current.changed ? current.payload : null);
  return outcome;
}

/** The attempt in the log, the delivery's state, and the body it now carries when that changed. */
async function recordAttempt(deliveryId: string, attempt: number, outcome: Exclude<DeliveryOutcome, 'skipped'>, result: { statusCode: number | null; durationMs: number; error: DeliveryError }, payload: unknown = null) {
  await getDb().transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId, attempt, statusCode: result.statusCode, durationMs: result.durationMs, error: result.error, createdAt: now() });
    const state = outcome === 'retry' ? 'pending' : outcome === 'withheld' ? 'failed' : outcome;
    await tx
      .update(webhookDeliveries)
      .set({ attempts: attempt, state, finishedAt: outcome === 'retry' ? null : now(), ...(payload ? { payload } : {}) })
      .where(eq(webhookDeliveries.id, deliveryId));
  });
}
