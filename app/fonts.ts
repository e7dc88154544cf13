import localFont from 'next/font/local';

// Self-hosted from @fontsource packages: next/font/google cannot fetch offline,
// and a newsroom should not depend on a third-party font host anyway. The file
// is that package's Noto Naskh Arabic cut to the characters of Arabic news at
// build time (scripts/subset-fonts.ts, run by next.config.ts): one variable file
// (wght 400–700, about 31 KB), preloaded, for body text and, in bold, headlines.
// One font and not three (a Kufi for headlines, Naskh's Latin face): each more
// file was another request before the first paint, and on a first visit over a
// slow line they cost more than the text they draw (docs/reader-performance.md).
// Latin runs (OpenAI, ARM Holdings) are drawn by the fallback faces.
// Its fallbacks are not next/font's (metrics taken from Arial, whose Latin says
// nothing of Arabic widths) but Arabic fonts readers have, sized to it from the
// real files (scripts/font-fallbacks.ts, app/font-fallbacks.css), so a late swap
// moves as little as those files allow.
export const naskh = localFont({
  src: '../.fonts/naskh-arabic.woff2',
  weight: '400 700',
  display: 'swap',
  variable: '--font-naskh',
  adjustFontFallback: false,
});
