import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, percentile, startBenchApp } from './bench-app';

// npm run bench:reader (after npm run build)
// Serves the production build on a fresh seeded database and prints, for the
// home page and the seed article: server time per request over real HTTP
// (p50, p95, after a warm-up), HTML bytes, and the JavaScript a reader loads.

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const app = await startBenchApp(Number(process.env.BENCH_PORT ?? 3301));

async function timeRequests(url: string): Promise<{ p50: number; p95: number; bytes: number }> {
  for (let i = 0; i < 10; i++) await (await fetch(url)).text();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.text();
    samples.push(performance.now() - started);
    bytes = Buffer.byteLength(body);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), bytes };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const home = await (await fetch(`${app.base}/`)).text();
  const articlePath = home.match(/href="(\/technology\/[^"]+)"/)?.[1];
  if (!articlePath) throw new Error('no article link on the home page');
  for (const [label, path] of [
    ['home', '/'],
    ['article', articlePath],
  ] as const) {
    const timing = await timeRequests(`${app.base}${path}`);
    const page = await browser.newPage();
    const scripts: Buffer[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(`${app.base}${path}`, { waitUntil: 'networkidle' });
    const raw = scripts.reduce((sum, b) => sum + b.length, 0);
    const gzip = scripts.reduce((sum, b) => sum + gzipSync(b).length, 0);
    await page.close();
    console.log(
      `${label}: ${REQUESTS} requests, p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms; HTML ${(timing.bytes / 1024).toFixed(1)} KiB; ` +
        `JavaScript ${scripts.length} files, ${(raw / 1024).toFixed(0)} KiB raw, ${(gzip / 1024).toFixed(0)} KiB gzip (all of it Next.js and React runtime)`,
    );
  }
} finally {
  await browser.close();
  await app.close();
}
process.exit(0);
