import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, startBenchApp } from './bench-app';
const tag = process.argv[2] ?? 'x';
const app = await startBenchApp(3503);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const home = await (await fetch(`${app.base}/`)).text();
  const articlePath = home.match(/href="(\/technology\/[^"]+)"/)?.[1];
  for (const [name, vp] of [['mobile', { width: 412, height: 823 }], ['desktop', { width: 1280, height: 900 }]] as const) {
    const page = await browser.newPage({ viewport: vp });
    await page.goto(`${app.base}${articlePath}`);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `/work/notes/lcp-${tag}-article-${name}.png` });
    const fonts = await page.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`));
    console.log(name, fonts.join(' | '));
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
}
process.exit(0);
