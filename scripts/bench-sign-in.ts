import { chromium } from '@playwright/test';
import { ARGON2_PARAMS, hashPassword, verifyPassword } from '@/lib/auth/password';
import { CHROMIUM_ARGS, percentile, startBenchApp } from './bench-app';

// npm run bench:sign-in (after npm run build)
// Prints the argon2id cost alone, and the server time of a whole sign-in
// (the login form's POST, from request to response, in Chromium).

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const hash = await hashPassword('a benchmark passphrase of some length');
const verifies: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  await verifyPassword(hash, 'a benchmark passphrase of some length');
  verifies.push(performance.now() - started);
}
verifies.sort((a, b) => a - b);
console.log(`argon2id m=${ARGON2_PARAMS.memoryCost} KiB, t=${ARGON2_PARAMS.timeCost}, p=${ARGON2_PARAMS.parallelism}: verify p50 ${percentile(verifies, 50).toFixed(1)} ms, p95 ${percentile(verifies, 95).toFixed(1)} ms`);

const app = await startBenchApp(Number(process.env.BENCH_PORT ?? 3302));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const times: number[] = [];
  for (let i = 0; i < Math.min(ROUNDS, 10); i++) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `2001:db8::${i + 1}` } });
    const page = await context.newPage();
    await page.goto(`${app.base}/login`);
    await page.getByLabel('البريد الإلكتروني').fill('editor@sahifa.test');
    await page.getByLabel('كلمة المرور').fill('sahifa-demo-2026');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
      page.getByRole('button', { name: 'دخول' }).click(),
    ]);
    const timing = response.request().timing();
    times.push(timing.responseStart - timing.requestStart);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`sign-in POST, request to first byte, over ${times.length} sign-ins: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
} finally {
  await browser.close();
  await app.close();
}
process.exit(0);
