import { chromium } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { CHROMIUM_ARGS, percentile, startBenchApp } from './bench-app';
import { seedDeskStories } from './seed-desk';

// npm run bench:desk (after npm run build)
// Seeds 10,000 stories into a fresh database, signs in as the demo editor and
// times GET /newsroom over real HTTP: the dashboard with all eight queues, its
// single count query and eight short lists, plus the shell and the bell. For
// comparison it times /newsroom/account, the same shell with no queues, and
// the bell's poll, GET /api/notifications.

const STORIES = Number(process.env.BENCH_STORIES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const app = await startBenchApp(Number(process.env.BENCH_PORT ?? 3304));

async function timeRequests(path: string, cookie: string): Promise<{ p50: number; p95: number; bytes: number }> {
  const get = () => fetch(`${app.base}${path}`, { headers: { cookie }, redirect: 'manual' });
  for (let i = 0; i < 5; i++) await (await get()).text();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const response = await get();
    const body = await response.text();
    samples.push(performance.now() - started);
    bytes = Buffer.byteLength(body);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), bytes };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const seeding = performance.now();
  await seedDeskStories(app.db, STORIES);
  await app.db.execute(sql`analyze`);
  const [row] = (await app.db.execute(sql`select count(*)::int as n from stories`)) as unknown as { n: number }[];
  console.log(`seeded ${STORIES} stories in ${((performance.now() - seeding) / 1000).toFixed(1)} s (${row?.n} in the database)`);

  const page = await browser.newPage();
  await page.goto(`${app.base}/login`);
  await page.getByLabel('البريد الإلكتروني').fill('editor@sahifa.test');
  await page.getByLabel('كلمة المرور').fill('sahifa-demo-2026');
  await page.getByRole('button', { name: 'دخول' }).click();
  await page.waitForURL(`${app.base}/newsroom`);
  const counts = await page.getByTestId('queue-count').evaluateAll((badges) => badges.map((badge) => `${badge.closest('section')?.dataset.testid?.replace('queue-', '')}=${(badge as HTMLElement).dataset.count}`));
  console.log(`editor's queues: ${counts.join(', ')}`);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

  for (const [label, path] of [
    ['dashboard', '/newsroom'],
    ['shell only', '/newsroom/account'],
    ['bell poll', '/api/notifications'],
  ] as const) {
    const timing = await timeRequests(path, cookie);
    console.log(`${label} (GET ${path}) as the editor: ${REQUESTS} requests, p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms; ${(timing.bytes / 1024).toFixed(1)} KiB`);
  }
} finally {
  await browser.close();
  await app.close();
}
process.exit(0);
