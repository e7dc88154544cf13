import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The site's one font, cut at build time (next.config.ts runs this before Next
// compiles app/fonts.ts) to what Arabic news is written with: the Arabic letters,
// tashkeel (with superscript alef, maddah and hamza marks), Arabic-Indic digits
// and punctuation, the few extended letters Arabic uses for foreign sounds
// (پ چ ژ ڤ ڨ ڭ گ) and the Persian kaf and yeh that pasted text carries, basic
// Latin (spaces, digits, punctuation: the font has no Latin letters, they come
// from the fallback), « » × ÷, general punctuation (dashes, quotes, the joiners
// and direction marks), and the Presentation Forms-B of text pasted from PDFs
// (1.6 KB: they map to glyphs the letters already need).
// Left out, measured on the wght 400–700 file: the rest of the Arabic block
// (Urdu, Persian, Sindhi… letters and digits: 20 KB), the Quranic annotation
// marks U+06D6–06ED (4.4 KB) and the word ligatures ﷲ ﷺ ﷽ ﴾﴿ (5.3 KB); a
// character the subset lacks is drawn, with its cluster, by the fallback faces.
// Presentation forms are not needed for shaping: harfbuzz's layout closure keeps
// every glyph the letters reach through the font's own substitutions (joined
// forms, lam-alef), and scripts/subset-fonts.test.ts shapes words in the subset.
// One file, one weight axis: the headlines are its bold, so a page needs one
// font request (a second face meant a second connection before the first paint).

export const FONT_DIR = '.fonts';

export const RANGES: [number, number][] = [
  [0x0020, 0x007e],
  [0x00a0, 0x00a0],
  [0x00ab, 0x00ab],
  [0x00bb, 0x00bb],
  [0x00d7, 0x00d7],
  [0x00f7, 0x00f7],
  [0x0600, 0x0671],
  [0x067e, 0x067e],
  [0x0686, 0x0686],
  [0x0698, 0x0698],
  [0x06a4, 0x06a4],
  [0x06a8, 0x06a9],
  [0x06ad, 0x06ad],
  [0x06af, 0x06af],
  [0x06cc, 0x06cc],
  [0x200b, 0x2027],
  [0x2030, 0x203a],
  [0x2066, 0x2069],
  [0xfe70, 0xfefc],
];

export const text = (ranges: [number, number][]) => ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join('');

const FONTS = [
  { source: '@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2', file: 'naskh-arabic.woff2', ranges: RANGES, wght: { min: 400, max: 700 } },
] as const;

/** Writes the subsets under .fonts/, unless the ones there were cut from the same sources by the same rules. */
export async function subsetFonts(root = process.cwd()): Promise<void> {
  const require = createRequire(path.join(root, 'package.json'));
  const dir = path.join(root, FONT_DIR);
  mkdirSync(dir, { recursive: true });
  const stampFile = path.join(dir, 'stamp.json');
  const stamp = JSON.stringify(FONTS.map((font) => [font.file, readFileSync(require.resolve(font.source)).length, font.ranges, font.wght]));
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && FONTS.every((font) => existsSync(path.join(dir, font.file)))) return;
  // Loaded only to cut: it instantiates two WebAssembly modules (harfbuzz, woff2) holding about 35 MB.
  const { default: subsetFont } = await import('subset-font');
  for (const font of FONTS) {
    const subset = await subsetFont(readFileSync(require.resolve(font.source)), text(font.ranges), { targetFormat: 'woff2', variationAxes: { wght: font.wght } });
    writeFileSync(path.join(dir, font.file), subset);
  }
  writeFileSync(stampFile, stamp);
}
