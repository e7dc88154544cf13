// Reader pages have no client component, so Next's runtime, its flight data
// (self.__next_f) and the preloads of its chunks only cost bytes and time:
// nothing would hydrate. They are taken out of the HTML; the JSON-LD stays.
// The HTML is React's own output, where text is escaped (a story's body too:
// lib/content/body-html.ts escapes every text), so a "<script" in a story can
// never look like a tag here. Pure: no I/O.
//
// The build's stylesheet is put in the page here, as a <style>, rather than by
// Next (`experimental.inlineCss`): Next inlined it into the HTML and again into
// the flight data, 37 KB twice through React on every render, a quarter of an
// uncached render's CPU (docs/reader-performance.md). Here it costs a string
// concatenation, and the page is the same: a first visit paints after one response.

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;
const JSON_LD = /\btype=["']?application\/ld\+json["']?/i;
const SCRIPT_PRELOAD = /\brel=["']?modulepreload\b|\bas=["']?script\b/i;
const STYLESHEET = /\brel="stylesheet"/i;
const HREF = /\bhref="([^"]+)"/i;

/** The text of one of the build's stylesheets by its href, or null to leave the <link> as it is. */
export type StylesheetText = (href: string) => string | null;

export function stripFrameworkScripts(html: string, stylesheet: StylesheetText = () => null): string {
  return html
    .replace(SCRIPT, (tag, attributes: string) => (JSON_LD.test(attributes) ? tag : ''))
    .replace(LINK, (tag) => {
      if (SCRIPT_PRELOAD.test(tag)) return '';
      const href = STYLESHEET.test(tag) ? HREF.exec(tag)?.[1] : undefined;
      const css = href === undefined ? null : stylesheet(href);
      // The stylesheet is the build's own file: a "</style" cannot occur in CSS that a browser would parse as one.
      return css === null || /<\/style/i.test(css) ? tag : `<style data-precedence="next" data-href="${href}">${css}</style>`;
    });
}
