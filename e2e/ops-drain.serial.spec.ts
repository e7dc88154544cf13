import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { expect, test } from '@playwright/test';
import { databaseProcesses, firstArticlePath, get, startInstance, type Instance } from './instance';

// Issue 21: a stop must not cut readers off. The spec starts its own
// production instance (embedded PostgreSQL), loads an article from several
// clients for 2 s, half on fresh connections and half on keep-alive ones as a
// proxy would, and sends SIGTERM after 1 s. Every request sent before the
// signal must get a full answer below 500; requests after it may be refused
// (the server no longer accepts) but never answered with a 5xx. The process
// must exit within the drain bound, and the database must go with it.

let instance: Instance;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  instance = await startInstance();
});
test.afterAll(async () => {
  await instance?.dispose();
});

/** A process that exists and is not a zombie (an exited child nobody has reaped yet). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

type Outcome = { sentAt: number; status: number | null; error: string | null };

test('SIGTERM under reader load: no request sent before it fails, and the process exits within the bound', async () => {
  test.setTimeout(90_000);
  const article = `${instance.base}${await firstArticlePath(instance.base)}`;
  expect((await get(article)).status).toBe(200);
  const database = databaseProcesses(instance.dataDir)[0] as number;

  const keepAlive = new Agent({ keepAlive: true, maxSockets: 4 });
  const outcomes: Outcome[] = [];
  const started = Date.now();
  let signalAt = Number.POSITIVE_INFINITY;
  const client = async (agent: Agent | undefined) => {
    while (Date.now() - started < 2_000) {
      const sentAt = Date.now();
      const outcome = await get(article, { agent, timeoutMs: 15_000 }).then(
        (answer) => ({ sentAt, status: answer.status, error: null }),
        (error: Error & { code?: string }) => ({ sentAt, status: null, error: error.code ?? error.message }),
      );
      outcomes.push(outcome);
      // After the stop the port is closed: do not spin on refusals.
      if (outcome.error) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const load = Promise.all([...Array.from({ length: 4 }, () => client(undefined)), ...Array.from({ length: 4 }, () => client(keepAlive))]);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  signalAt = Date.now();
  instance.child.kill('SIGTERM');
  await load;
  const exit = await instance.exited;
  keepAlive.destroy();

  const before = outcomes.filter((outcome) => outcome.sentAt < signalAt);
  const after = outcomes.filter((outcome) => outcome.sentAt >= signalAt);
  const summary = { before: before.length, after: after.length, errorsBefore: before.filter((o) => o.error).map((o) => o.error), exitMs: exit.at };
  console.error(`drain: ${JSON.stringify(summary)}`);
  // Every client had at least one request out before the signal (each takes tens of ms to a second on a busy machine).
  expect(before.length).toBeGreaterThanOrEqual(8);
  expect(before.filter((outcome) => outcome.error !== null), JSON.stringify(summary)).toEqual([]);
  expect(before.filter((outcome) => (outcome.status ?? 0) >= 500)).toEqual([]);
  expect(after.filter((outcome) => (outcome.status ?? 0) >= 500)).toEqual([]);
  expect(exit.code, instance.log()).toBe(0);
  expect(exit.at).toBeLessThan(12_000);
  // The embedded database stopped with it, last.
  expect(running(database)).toBe(false);
});
