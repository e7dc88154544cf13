import localFont from 'next/font/local';

// Self-hosted from @fontsource packages: next/font/google cannot fetch offline,
// and a newsroom should not depend on a third-party font host anyway.
// The Arabic subset carries the text; Naskh's Latin subset follows it in the
// stack so Latin runs (OpenAI, ARM Holdings) match the Arabic in weight and size.
export const naskh = localFont({
  src: '../node_modules/@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2',
  weight: '400 700',
  display: 'swap',
  variable: '--font-naskh',
});

// Headlines: on a first visit over a slow line the headline paints at once in
// the fallback and stays so (no late swap to move the largest paint or shift
// the layout); once the font is cached, every later page has it from the start.
export const kufi = localFont({
  src: '../node_modules/@fontsource-variable/noto-kufi-arabic/files/noto-kufi-arabic-arabic-wght-normal.woff2',
  weight: '100 900',
  display: 'optional',
  variable: '--font-kufi',
  preload: false,
});

export const naskhLatin = localFont({
  src: '../node_modules/@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-latin-wght-normal.woff2',
  weight: '400 700',
  display: 'swap',
  variable: '--font-naskh-latin',
  preload: false,
});
