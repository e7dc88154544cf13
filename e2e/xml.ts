import type { APIRequestContext, Page } from '@playwright/test';

// Parses a document with Chromium's own XML parser (DOMParser), as a browser
// or feed reader would, and answers what the specs ask of it.

export type ParsedXml = { error: string | null; root: string | null; texts: Record<string, string[]> };

/** Parses `xml` and returns the root's name and the text of every element named in `names` (qualified names, e.g. news:title). */
export async function parseInBrowser(page: Page, xml: string, names: string[]): Promise<ParsedXml> {
  return page.evaluate(
    ({ xml, names }) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      const texts: Record<string, string[]> = {};
      for (const name of names) texts[name] = Array.from(doc.getElementsByTagName(name)).map((e) => e.textContent ?? '');
      return { error: error ? (error.textContent ?? 'parsererror') : null, root: doc.documentElement?.nodeName ?? null, texts };
    },
    { xml, names },
  );
}

/** The feeds and sitemaps that must list every published story, and only those. */
export const LISTINGS = ['/feed.xml', '/feeds/technology.xml', '/sitemap.xml', '/news-sitemap.xml'] as const;

/** Which of the feeds and sitemaps list the story at this (percent-encoded) path. */
export async function listingsOf(request: APIRequestContext, articlePath: string): Promise<string[]> {
  const listed: string[] = [];
  for (const path of LISTINGS) {
    const body = await (await request.get(path)).text();
    // The canonical URL ends its <link> or <loc> element.
    if (body.includes(`${articlePath}</`)) listed.push(path);
  }
  return listed;
}
