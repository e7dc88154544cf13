import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { parseSeedStory } from '@/db/seed-story';
import { expect, test } from './fixtures';
import { openSeedStoryFromHome } from './data';

const seed = parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8'));

/** Horizontal centre of the first occurrence of `text` inside the element, as laid out. */
async function xOf(locator: Locator, text: string): Promise<number> {
  return locator.evaluate((element, needle) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(needle) ?? -1;
      if (index >= 0) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + needle.length);
        const rect = range.getClientRects()[0];
        if (!rect) break;
        return rect.left + rect.width / 2;
      }
    }
    throw new Error(`text not found: ${needle}`);
  }, text);
}

test('a reader goes from the home page to the seed story and reads it whole', async ({ page, expectAccessible }) => {
  const home = await page.goto('/');
  expect(home?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectAccessible(page);

  await openSeedStoryFromHome(page, seed.headline);
  await expect(page).toHaveURL(/\/technology\/%D8%B3%D9%88%D9%81%D8%AA-/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  const article = page.locator('article');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveText(seed.headline);
  await expect(article.getByText(seed.kicker, { exact: true })).toBeVisible();
  await expect(article.getByText('فريق التحرير')).toBeVisible();
  await expect(article.locator('time').first()).toContainText('٢٠٢٦'.slice(0, 1));

  const paragraphs = page.locator('.article-body > p');
  await expect(paragraphs).toHaveText(seed.paragraphs);
  for (const paragraph of await paragraphs.all()) {
    expect(await paragraph.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
  }
  await expectAccessible(page);
});

test('Latin runs and figures in the seed story read in the right order', async ({ page }) => {
  await openSeedStoryFromHome(page, seed.headline);
  const paragraphs = page.locator('.article-body > p');

  // «ما بين 15 و25 مليار دولار»: in a right-to-left line the first number sits to the right of the second.
  const first = paragraphs.nth(0);
  expect(await xOf(first, '15')).toBeGreaterThan(await xOf(first, '25'));
  expect(await xOf(first, 'ما بين')).toBeGreaterThan(await xOf(first, '15'));
  // Inside a Latin run, words read left to right.
  const arm = paragraphs.nth(7);
  expect(await xOf(arm, 'ARM')).toBeLessThan(await xOf(arm, 'Holdings'));
  // Arabic before a Latin name sits to its right: «الشركة الصينية DeepSeek».
  const deepseek = paragraphs.nth(4);
  expect(await xOf(deepseek, 'الصينية')).toBeGreaterThan(await xOf(deepseek, 'DeepSeek'));
  for (const name of ['OpenAI', 'Stargate', 'WeWork', 'OpenAL', 'R1']) {
    await expect(page.locator('.article-body')).toContainText(name);
  }
});

test('the article page ships no editor code and no page script of its own', async ({ page, request }) => {
  await openSeedStoryFromHome(page, seed.headline);
  const sources = await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
  let bytes = 0;
  for (const src of sources) {
    const body = await (await request.get(src)).text();
    bytes += Buffer.byteLength(body);
    expect(body, src).not.toMatch(/prosemirror|tiptap/i);
  }
  test.info().annotations.push({ type: 'article-js-bytes', description: String(bytes) });
});
