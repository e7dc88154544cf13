import { expect, test } from '@playwright/test';
import { databaseProcesses, get, startInstance, type Instance } from './instance';

// Issue 21: a database that hangs must not hang the app. The spec starts its
// own production instance on its own embedded PostgreSQL, freezes that server
// (SIGSTOP on the postmaster and on every backend, so the pool's open
// connections hang too, not only new ones), and expects 503 within 5 s.

let instance: Instance;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  instance = await startInstance();
});
test.afterAll(async () => {
  await instance?.dispose();
});

async function timed(url: string) {
  const started = Date.now();
  const answer = await get(url, { timeoutMs: 15_000 });
  return { ...answer, ms: Date.now() - started };
}

test('health and a page answer 503 within 5 s while the database is frozen, and recover', async () => {
  test.setTimeout(90_000);
  // Warm the layout's cached reads, so the page's own query is what meets the frozen server.
  expect((await get(`${instance.base}/`)).status).toBe(200);
  const search = `${instance.base}/search?q=${encodeURIComponent('اقتصاد')}`;
  expect((await get(search)).status).toBe(200);

  const frozen = databaseProcesses(instance.dataDir);
  for (const pid of frozen) process.kill(pid, 'SIGSTOP');
  try {
    const [health, page] = await Promise.all([timed(`${instance.base}/api/health`), timed(`${search}x`)]);
    expect(health.status, health.body).toBe(503);
    expect(health.ms).toBeLessThan(5_000);
    expect(page.status).toBe(503);
    expect(page.headers['retry-after']).toBe('5');
    expect(page.body).toContain('lang="ar"');
    expect(page.ms).toBeLessThan(5_000);
  } finally {
    for (const pid of frozen) process.kill(pid, 'SIGCONT');
  }
  // The same pool, no restart: answers come back once the server does.
  await expect.poll(async () => (await get(`${instance.base}/api/health`)).status, { timeout: 15_000 }).toBe(200);
  expect((await get(`${search}y`)).status).toBe(200);
});
