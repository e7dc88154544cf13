import localFont from 'next/font/local';

// Self-hosted from @fontsource packages: next/font/google cannot fetch offline,
// and a newsroom should not depend on a third-party font host anyway. The files
// are those packages' fonts cut to the site's characters at build time
// (scripts/subset-fonts.ts, run by next.config.ts). Only the body font is
// preloaded. Its fallbacks are not next/font's (metrics taken from Arial, whose
// Latin says nothing of Arabic widths) but Arabic fonts readers have, sized to
// it from the real files (scripts/font-fallbacks.ts, app/globals.css).
// The Arabic subset carries the text; Naskh's Latin subset follows it in the
// stack so Latin runs (OpenAI, ARM Holdings) match the Arabic in weight and size.
export const naskh = localFont({
  src: '../.fonts/naskh-arabic.woff2',
  weight: '400 700',
  display: 'swap',
  variable: '--font-naskh',
  adjustFontFallback: false,
});

// Headlines: on a first visit over a slow line the headline paints at once in
// the fallback and stays so (no late swap to move the largest paint or shift
// the layout); once the font is cached, every later page has it from the start.
export const kufi = localFont({
  src: '../.fonts/kufi-arabic-bold.woff2',
  // Headlines are only ever bold: the subset is pinned to 700.
  weight: '700',
  display: 'optional',
  variable: '--font-kufi',
  preload: false,
});

// Latin runs (OpenAI, a quoted English title) are few and short: on a first
// visit they stay in the fallback rather than reflow a headline when the face
// arrives (that late swap was the whole of the pages' layout shift); once cached,
// every later page has it from the start.
export const naskhLatin = localFont({
  src: '../.fonts/naskh-latin.woff2',
  weight: '400 700',
  display: 'optional',
  variable: '--font-naskh-latin',
  preload: false,
  // Its fallback would be local(Arial), which on Windows has Arabic letters too and would take them from the stack.
  adjustFontFallback: false,
});
