import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Runner } from 'graphile-worker';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { jobRunnerHeartbeats, webhookDeliveries, webhooks } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { createWebhook, sendTestDelivery } from '@/lib/webhooks/hooks';
import { connectTestDb } from '@/test/db';
import { eventually } from '@/test/poll';
import { createStaff } from '@/test/staff';
import type { LivenessOptions } from './liveness';
import { startJobRunner } from './runner';

// A runner killed outright while it holds a job (SIGKILL: no drain, no
// unlock) and another instance's runner that takes the job back once the
// dead one's heartbeat is stale; and a runner alive but slow, whose job is
// left to it. The job is a real one of ours: a webhook delivery to a receiver
// this test starts, which holds the request as long as the test wants.
// Short intervals: the production ones are 10 s, 15 s and 60 s.

const LIVENESS: LivenessOptions = { heartbeatMs: 200, reapMs: 250, deadAfterMs: 1_500 };

const { db, client } = connectTestDb();
const ctx = { ip: '127.0.0.1' };
let admin: CurrentUser;
const hookIds: string[] = [];
const children: ChildProcess[] = [];
let runner: Runner | null = null;

type Receiver = { url: string; requests: { delivery: string; res: ServerResponse }[]; close: () => Promise<void> };

/** A receiver that answers nothing until the test answers `requests[i].res`. */
async function startReceiver(): Promise<Receiver> {
  const requests: Receiver['requests'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => requests.push({ delivery: String(req.headers['sahifa-delivery']), res }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A test delivery ("ping") to the receiver, queued as its job; returns the delivery's id. */
async function queueDelivery(receiver: Receiver): Promise<string> {
  const created = await createWebhook(admin, { name: 'حي أو ميت', url: receiver.url, events: ['story.retracted'], allowPrivate: true }, ctx);
  if (!created.ok) throw new Error(`hook not created: ${JSON.stringify(created)}`);
  hookIds.push(created.data.id);
  expect(await sendTestDelivery(admin, { id: created.data.id }, ctx)).toMatchObject({ ok: true });
  const [delivery] = await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, created.data.id));
  return delivery!.id;
}

/** The runner in a child process (test/job-runner-process.ts), once started. */
async function startRunnerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/job-runner-process.ts'], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), JOB_LIVENESS: JSON.stringify(LIVENESS), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`job runner process exited with ${code}`)));
  });
  return child;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const requestsFor = (receiver: Receiver, delivery: string) => receiver.requests.filter((r) => r.delivery === delivery);

/** A runner in a child process that has taken a delivery's job and waits for the receiver's answer. */
async function childHoldingDelivery(receiver: Receiver) {
  const child = await startRunnerProcess();
  const delivery = await queueDelivery(receiver);
  expect(await eventually(() => requestsFor(receiver, delivery).length, (n) => n === 1, 10_000), 'the child runner did not take the job').toBe(1);
  const held = await lockOf(delivery);
  expect(held).toMatch(/^pool-/);
  return { child, delivery, held };
}

const stateOf = async (id: string) => (await db.select({ state: webhookDeliveries.state }).from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!.state;
const lockOf = async (id: string) =>
  (await db.execute<{ locked_by: string | null }>(sql`select locked_by from graphile_worker.jobs where key = ${`webhook:${id}`}`))[0]?.locked_by ?? 'no job';

beforeAll(async () => {
  admin = await createStaff(db, 'admin');
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(async () => {
  // Other test files publish stories: leave no hook behind to announce them.
  if (hookIds.length) await db.delete(webhooks).where(inArray(webhooks.id, hookIds));
  await client.end();
});

describe('a job runner killed while it holds a job', () => {
  it('loses the job to a live runner within seconds of its heartbeat going stale, not four hours', async () => {
    const receiver = await startReceiver();
    try {
      const { child, delivery, held } = await childHoldingDelivery(receiver);
      child.kill('SIGKILL');
      const killedAt = Date.now();
      await new Promise((resolve) => child.once('exit', resolve));
      expect(await lockOf(delivery)).toBe(held);

      // Another instance's runner: the job is unlocked once the dead pool's heartbeat is older than deadAfterMs, then run.
      runner = await startJobRunner(inject('databaseUrl'), async () => {}, { liveness: LIVENESS });
      expect(await eventually(() => requestsFor(receiver, delivery).length, (n) => n === 2, 10_000), 'the job was not run again').toBe(2);
      requestsFor(receiver, delivery)[1]!.res.writeHead(200).end('ok');
      expect(await eventually(() => stateOf(delivery), (state) => state === 'succeeded', 5_000)).toBe('succeeded');
      const tookMs = Date.now() - killedAt;
      process.stdout.write(`killed runner's job completed ${tookMs} ms after the kill (deadAfterMs ${LIVENESS.deadAfterMs})\n`);
      expect(tookMs).toBeLessThan(LIVENESS.deadAfterMs + 4_000);
      expect(await lockOf(delivery)).toBe('no job');
      // The dead pool's row went with its jobs.
      expect(await db.$count(jobRunnerHeartbeats, eq(jobRunnerHeartbeats.poolId, held))).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('leaves a live but slow runner its job, and a graceful stop removes the runner’s heartbeat', async () => {
    const receiver = await startReceiver();
    try {
      const { child, delivery, held } = await childHoldingDelivery(receiver);
      expect(await db.$count(jobRunnerHeartbeats, eq(jobRunnerHeartbeats.poolId, held))).toBe(1);
      // A second instance looks for dead runners all the while the child holds the job: three times deadAfterMs.
      runner = await startJobRunner(inject('databaseUrl'), async () => {}, { liveness: LIVENESS });
      const until3x = Date.now() + 3 * LIVENESS.deadAfterMs;
      while (Date.now() < until3x) {
        expect(await lockOf(delivery)).toBe(held);
        await sleep(100);
      }
      expect(requestsFor(receiver, delivery)).toHaveLength(1);
      requestsFor(receiver, delivery)[0]!.res.writeHead(200).end('ok');
      expect(await eventually(() => stateOf(delivery), (state) => state === 'succeeded', 5_000)).toBe('succeeded');
      expect(requestsFor(receiver, delivery)).toHaveLength(1);

      // SIGTERM: the child stops its runner as the server's drain does, and its row goes at once.
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(await db.$count(jobRunnerHeartbeats, eq(jobRunnerHeartbeats.poolId, held))).toBe(0);
    } finally {
      await receiver.close();
    }
  });
});
