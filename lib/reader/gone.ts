import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db';
import { publishedStories, sections, settings } from '@/db/schema';
import { sectionPath } from './paths';
import { inNavigation } from './section-lookup';
import messages from '@/messages/ar.json';

// Taken-down and retracted stories answer 410 Gone. The App Router has no
// 410, so proxy.ts asks this, uncached, on every article request: a story
// that was taken down is never served again from any cache.

/** What answers 410: a story taken down or retracted, or a section archived with nowhere to send its readers. */
export type Gone = { state: 'taken_down' | 'retracted' | 'section_archived'; notice: string | null };

export async function findGone(db: Executor, slug: string): Promise<Gone | null> {
  const [row] = await db
    .select({ state: publishedStories.state, notice: publishedStories.notice })
    .from(publishedStories)
    .where(and(eq(publishedStories.slug, slug), ne(publishedStories.state, 'published')));
  if (!row || row.state === 'unpublished' || row.state === 'published') return null;
  return { state: row.state, notice: row.notice };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What the 410 page needs of the site to carry its navigation: read uncached, on 410s only. */
export type SiteChrome = { name: string; sections: { slug: string; name: string }[] };

export async function readSiteChrome(db: Executor): Promise<SiteChrome> {
  const [[site], list] = await Promise.all([
    db.select({ name: settings.siteName }).from(settings).where(eq(settings.id, 1)),
    db.select({ slug: sections.slug, name: sections.name }).from(sections).where(inNavigation).orderBy(asc(sections.position), asc(sections.name)),
  ]);
  return { name: site?.name ?? messages.site.name, sections: list };
}

/** A small self-contained page with the site's navigation: a neutral notice for a take-down, the public notice for a retraction. */
export function renderGonePage(gone: Gone, site: SiteChrome): string {
  const t = messages.gone;
  const title = gone.state === 'retracted' ? t.retractedTitle : gone.state === 'section_archived' ? t.sectionTitle : t.title;
  const text = gone.state === 'retracted' ? escapeHtml(gone.notice ?? '') : gone.state === 'section_archived' ? t.sectionBody : t.body;
  const body = `<h1>${title}</h1><p>${text}</p>`;
  const links = [`<a href="/">${messages.site.home}</a>`, ...site.sections.map((s) => `<a href="${sectionPath(s.slug)}">${escapeHtml(s.name)}</a>`)].join(' · ');
  const header = `<header><p style="font-size:1.6rem;font-weight:bold;margin:0"><a href="/" style="color:#9b1c1c;text-decoration:none">${escapeHtml(site.name)}</a></p><nav aria-label="${messages.site.mainNav}">${links}</nav></header>`;
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.8">${header}<main style="margin-top:2rem">${body}<p><a href="/">${messages.notFound.backHome}</a></p></main></body></html>`;
}
