import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { create, openSync, type Font } from 'fontkit';
import subsetFont from 'subset-font';
import { FONT_DIR } from './subset-fonts';

// npx tsx scripts/font-fallbacks.ts (after a build has cut the fonts, scripts/subset-fonts.ts)
// Writes app/font-fallbacks.css: the faces the body text is drawn in while
// the web font loads, each an Arabic font readers' machines already have,
// scaled and given the web font's vertical metrics so that the swap moves
// nothing. The figures come from the real files with fontkit (shaping
// included, since Arabic letters change width with their joined forms): the
// width of the seed story's own Arabic prose in each font gives size-adjust,
// the web font's hhea ascent, descent and line gap give the overrides. The
// CSS is committed (a build machine need not have the fallback fonts); the
// test beside this script recomputes it wherever those fonts are installed.
//
// Covered: Noto Naskh Arabic (Android's and ChromeOS's Arabic, and Linux's
// with fonts-noto) and DejaVu Sans (the Arabic of a bare Linux desktop).
// Windows' and macOS's Arabic (Arial, Segoe UI, Tahoma; Geeza Pro) are not:
// their files are not redistributable, so their Arabic widths cannot be
// measured here; they fall to system-ui, unadjusted.

export const FALLBACK_CSS = 'app/font-fallbacks.css';

/** The body face: the subset app/fonts.ts loads. */
const WEB_FONT = path.join(FONT_DIR, 'naskh-arabic.woff2');
const SAMPLE = 'db/seed-story.ar.txt';

/** A face of a fallback family: its local() names, and where its file is here (null when it is not installed). */
type Face = { local: string[]; file: () => string | null };
/** Regular for the body; bold for the headlines, which are the web font's bold and swap too. */
type Fallback = { family: string; regular: Face; bold: Face };

const require = createRequire(import.meta.url);
const systemFont = (name: string, style: 'Regular' | 'Bold') => () => {
  const found = spawnSync('fc-match', ['-f', '%{file}', `${name}:style=${style}`], { encoding: 'utf8' });
  // fc-match answers its nearest font for any name: only an exact family and style count.
  // fontconfig's weights: 80 regular (DejaVu calls it Book), 200 bold.
  const match = spawnSync('fc-match', ['-f', '%{family}|%{weight}', `${name}:style=${style}`], { encoding: 'utf8' }).stdout;
  const [family = '', weight = ''] = match.split('|');
  return found.status === 0 && family.split(',').includes(name) && weight === (style === 'Bold' ? '200' : '80') ? found.stdout : null;
};
// The same design as the web font: fontsource's full Arabic file stands for the installed one, at either weight.
const notoFile = () => require.resolve('@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2');

export const FALLBACKS: Fallback[] = [
  {
    family: 'Naskh fallback Noto',
    regular: { local: ['Noto Naskh Arabic', 'NotoNaskhArabic-Regular'], file: notoFile },
    bold: { local: ['Noto Naskh Arabic Bold', 'NotoNaskhArabic-Bold'], file: notoFile },
  },
  {
    family: 'Naskh fallback DejaVu',
    regular: { local: ['DejaVu Sans', 'DejaVuSans'], file: systemFont('DejaVu Sans', 'Regular') },
    bold: { local: ['DejaVu Sans Bold', 'DejaVuSans-Bold'], file: systemFont('DejaVu Sans', 'Bold') },
  },
];

/** The advance of the text in em, shaped. */
function width(font: Font, text: string): number {
  return font.layout(text).glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / font.unitsPerEm;
}

/** The file as a font; a variable one instanced at the weight (by harfbuzz: fontkit cannot vary a WOFF2), cut to the text. */
async function atWeight(file: string, weight: number, text: string): Promise<Font> {
  const font = openSync(file) as Font;
  if (!('wght' in font.variationAxes)) return font;
  const instance = await subsetFont(readFileSync(file), text, { targetFormat: 'truetype', variationAxes: { wght: weight } });
  return create(Buffer.from(instance)) as Font;
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

/** The stylesheet, or null when a fallback font's file is not on this machine. */
export async function fallbackCss(): Promise<string | null> {
  // Arabic prose only: the web font has no Latin letters (the fallbacks draw them in either case).
  const text = readFileSync(SAMPLE, 'utf8').replace(/[^\u0600-\u06ff\s]/g, '');
  const faces: string[] = [];
  for (const fallback of FALLBACKS) {
    for (const [weight, face] of [[400, fallback.regular], [700, fallback.bold]] as const) {
      const file = face.file();
      if (!file) return null;
      // A variable file (the web font, fontsource's Noto) is measured at the weight; a static one is that weight.
      const web = await atWeight(WEB_FONT, weight, text);
      const font = await atWeight(file, weight, text);
      const sizeAdjust = width(web, text) / width(font, text);
      const scaled = (value: number) => percent(Math.abs(value) / web.unitsPerEm / sizeAdjust);
      faces.push(
        `@font-face {\n  font-family: '${fallback.family}';\n  src: ${face.local.map((name) => `local('${name}')`).join(', ')};\n  font-weight: ${weight};\n` +
          `  size-adjust: ${percent(sizeAdjust)};\n  ascent-override: ${scaled(web.ascent)};\n  descent-override: ${scaled(web.descent)};\n  line-gap-override: ${scaled(web.lineGap)};\n}\n`,
      );
    }
  }
  return `/* Generated by scripts/font-fallbacks.ts: do not edit. */\n${faces.join('')}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const css = await fallbackCss();
  if (!css) {
    console.error(`a fallback font is not installed here: ${FALLBACKS.flatMap((f) => [f.regular, f.bold]).filter((face) => !face.file()).map((face) => face.local[0]).join(', ')}`);
    process.exit(1);
  }
  writeFileSync(FALLBACK_CSS, css);
  console.log(css);
}
