import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_DIR } from './subset-fonts';
import { FALLBACK_CSS, FALLBACKS, fallbackCss } from './font-fallbacks';

// The committed fallback faces are what the script derives from the real fonts,
// and the body's font stack names every one of them.
describe('font fallbacks', () => {
  const computable = existsSync(path.join(FONT_DIR, 'naskh-arabic.woff2')) && FALLBACKS.every((fallback) => fallback.regular.file() !== null && fallback.bold.file() !== null);

  it.skipIf(!computable)('app/font-fallbacks.css is what scripts/font-fallbacks.ts computes from the fonts', async () => {
    expect(readFileSync(FALLBACK_CSS, 'utf8')).toBe(await fallbackCss());
  }, 30_000); // shaping the whole story in three fonts takes seconds on a busy machine

  it('the body font stack names every fallback face, after the web fonts', () => {
    const stack = readFileSync('app/theme.css', 'utf8').match(/--font-body:([^;]+);/)?.[1] ?? '';
    const css = readFileSync(FALLBACK_CSS, 'utf8');
    for (const { family } of FALLBACKS) {
      expect(css).toContain(`font-family: '${family}';`);
      expect(stack.indexOf('var(--font-naskh)')).toBeGreaterThanOrEqual(0);
      expect(stack.indexOf(`'${family}'`)).toBeGreaterThan(stack.indexOf('var(--font-naskh)'));
    }
  });
});
