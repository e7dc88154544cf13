import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { FONT_DIR, RANGES, text } from './subset-fonts';

// The subset keeps what Arabic text needs: every letter of the seed story and
// of the Arabic UI catalogue has a glyph, and the letters still join (shaping
// reaches the contextual forms through the font's substitutions, not through
// the Presentation Forms code points). And it stays small: it is fetched
// before a reader's first page paints.
const SOURCE = 'node_modules/@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2';
const BUILT = path.join(FONT_DIR, 'naskh-arabic.woff2');

// The Arabic the site writes: the story's prose and the interface's strings.
const arabic = (source: string) => source.replace(/[^\u0600-\u06ff]+/g, ' ');
const SAMPLES = [readFileSync('db/seed-story.ar.txt', 'utf8'), readFileSync('messages/ar.json', 'utf8')].map(arabic);

async function cut(ranges: [number, number][]): Promise<Font> {
  const truetype = await subsetFont(readFileSync(SOURCE), text(ranges), { targetFormat: 'truetype', variationAxes: { wght: { min: 400, max: 700 } } });
  return create(Buffer.from(truetype)) as Font;
}

describe('the Arabic font subset', () => {
  it('draws every letter of the seed story and of the UI, with no missing glyph', async () => {
    const font = await cut(RANGES);
    for (const sample of SAMPLES) {
      const missing = font.layout(sample).glyphs.filter((glyph) => glyph.id === 0);
      expect(missing).toHaveLength(0);
    }
  }, 30_000);

  it('shapes the Arabic exactly as the whole font does, without the Presentation Forms code points', async () => {
    // Joined forms and lam-alef come from the font's substitutions on the base
    // letters: with or without the FExx code points, every glyph's advance and
    // offset in the story and the UI is the full font's.
    const whole = create(readFileSync(SOURCE)) as Font;
    const withoutForms = await cut(RANGES.filter(([from]) => from < 0xfb50));
    const shape = (font: Font, sample: string) =>
      font.layout(sample).positions.map((p) => `${p.xAdvance},${p.xOffset},${p.yOffset}`);
    for (const sample of SAMPLES) expect(shape(withoutForms, sample)).toEqual(shape(whole, sample));
  }, 60_000);

  it.skipIf(!existsSync(BUILT))('the built file, the one reader pages preload, is under 34 KB', () => {
    expect(readFileSync(BUILT).length).toBeLessThan(34 * 1024);
  });
});
