import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { parseSeedStory } from '@/db/seed-story';
import { paragraphsToDoc } from '@/lib/content/document';
import { CHROMIUM_ARGS, percentile, startBenchApp } from './bench-app';

// npm run bench:autosave (after npm run build)
// The autosave round trip as the editor makes it: from the page, PUT the whole
// working copy (the seed story's 13 paragraphs) with its base version, and
// wait for the answer. Sequential, as the save loop is; prints p50 and p99.

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
  const body = paragraphsToDoc(parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8')).paragraphs);

  const samples = await page.evaluate(
    async ({ storyId, body, saves }) => {
      const times: number[] = [];
      let baseVersion = 1;
      for (let i = 0; i < saves; i++) {
        const payload = { baseVersion, kicker: '', headline: `قياس ${i}`, standfirst: '', body, language: 'ar', slug: '', sectionId: null, seoTitle: '', seoDescription: '', tags: [], bylines: [], intent: 'autosave', sessionId: 'bench-session-0001' };
        const started = performance.now();
        const response = await fetch(`/api/stories/${storyId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
        const result = (await response.json()) as { version: number };
        times.push(performance.now() - started);
        baseVersion = result.version;
      }
      return times;
    },
    { storyId, body, saves: SAVES },
  );
  samples.sort((a, b) => a - b);
  console.log(`autosave round trip over ${samples.length} sequential saves of a ${JSON.stringify(body).length}-byte story: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, max ${(samples.at(-1) ?? NaN).toFixed(1)} ms`);
} finally {
  await browser.close();
  await app.close();
}
process.exit(0);
