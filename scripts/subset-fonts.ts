import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The site's fonts, cut at build time (next.config.ts runs this before Next
// compiles app/fonts.ts) to what the site writes: the Arabic block (letters,
// tashkeel, Arabic-Indic digits and punctuation), the presentation forms that
// occur in real text (ﷲ ﷺ ﷽ ﴾﴿ and the isolated and final forms that text pasted
// from PDFs carries), basic Latin, Latin-1 punctuation (« »), general
// punctuation (dashes, quotes, the joiners and direction marks). Shaping keeps
// every glyph its letters reach through the font's own substitutions (harfbuzz's
// layout closure), so joined forms and ligatures survive. The headline face is
// only ever bold: it is pinned to 700, which drops its variation tables.

export const FONT_DIR = '.fonts';

const RANGES: [number, number][] = [
  [0x0020, 0x007e],
  [0x00a0, 0x00ff],
  [0x0600, 0x06ff],
  [0x2000, 0x206f],
  [0xfd3e, 0xfd3f],
  [0xfdf2, 0xfdf2],
  [0xfdfa, 0xfdfd],
  [0xfe70, 0xfefc],
];
const LATIN_RANGES: [number, number][] = [
  [0x0020, 0x007e],
  [0x00a0, 0x00ff],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
];

const text = (ranges: [number, number][]) => ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join('');

const FONTS = [
  { source: '@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2', file: 'naskh-arabic.woff2', ranges: RANGES, wght: { min: 400, max: 700 } },
  { source: '@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-latin-wght-normal.woff2', file: 'naskh-latin.woff2', ranges: LATIN_RANGES, wght: { min: 400, max: 700 } },
  { source: '@fontsource-variable/noto-kufi-arabic/files/noto-kufi-arabic-arabic-wght-normal.woff2', file: 'kufi-arabic-bold.woff2', ranges: RANGES, wght: 700 },
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
