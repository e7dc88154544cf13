import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, percentile, startBenchApp } from './bench-app';

// npm run bench:autosave (after npm run build)
// The metadata save's round trip as the editor makes it: from the page, PUT
// the story's metadata (a new slug each time, so each save writes), and wait
// for the answer. Sequential, as the editor's save is; prints p50 and p99. The
// text is not saved this way any more: it is a shared document (bench:collab).

const SAVES = Number(process.env.BENCH_SAVES ?? 200);
const app = await startBenchApp(Number(process.env.BENCH_PORT ?? 3303));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${app.base}/login`);
  await page.getByLabel('البريد الإلكتروني').fill('writer@sahifa.test');
  await page.getByLabel('كلمة المرور').fill('sahifa-demo-2026');
  await page.getByRole('button', { name: 'دخول' }).click();
  await page.waitForURL(`${app.base}/newsroom`);
  await page.goto(`${app.base}/newsroom/stories`);
  await page.getByRole('button', { name: 'قصة جديدة' }).click();
  await page.waitForURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyId = page.url().split('/').at(-1) as string;

  const samples = await page.evaluate(
    async ({ storyId, saves }) => {
      const times: number[] = [];
      for (let i = 0; i < saves; i++) {
        const payload = { language: 'ar', slug: `qiyas-${storyId.slice(0, 8)}-${i}`, sectionId: null, tags: [], bylines: [] };
        const started = performance.now();
        const response = await fetch(`/api/stories/${storyId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
        await response.json();
        times.push(performance.now() - started);
      }
      return times;
    },
    { storyId, saves: SAVES },
  );
  samples.sort((a, b) => a - b);
  console.log(`metadata save round trip over ${samples.length} sequential saves: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, max ${(samples.at(-1) ?? NaN).toFixed(1)} ms`);
} finally {
  await browser.close();
  await app.close();
}
process.exit(0);
