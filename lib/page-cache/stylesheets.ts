import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StylesheetText } from './strip-scripts';

/**
 * The build's stylesheets by href, read from `.next/static` once each and kept
 * (a build has a handful, and they never change under a running build). The
 * text is in Latin-1, as the page transform works on bytes (./serve.ts). Only
 * hrefs of the build's own CSS are read; anything else is left as a <link>.
 */
export function buildStylesheets(distDir: string): StylesheetText {
  const known = new Map<string, string | null>();
  return (href) => {
    if (known.has(href)) return known.get(href) ?? null;
    let text: string | null = null;
    if (/^\/_next\/static\/[\w/.-]+\.css$/.test(href) && !href.includes('..')) {
      try {
        text = absoluteUrls(readFileSync(path.join(distDir, href.slice('/_next/'.length))).toString('latin1'), href);
      } catch {
        text = null;
      }
    }
    known.set(href, text);
    return text;
  };
}

// A url() in the file is relative to the file (`../media/font.woff2`); in the page it would be read
// against the page's address. Made absolute against the stylesheet's href, as Next's own inlining did.
const RELATIVE_URL = /url\((['"]?)(?![a-z][\w+.-]*:|\/|#)([^'")]+)\1\)/gi;
export const absoluteUrls = (css: string, href: string) => css.replace(RELATIVE_URL, (_, quote: string, ref: string) => {
  const url = new URL(ref, `http://build.invalid${href}`);
  return `url(${quote}${url.pathname}${url.search}${url.hash}${quote})`;
});
