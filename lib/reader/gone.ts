import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db';
import { publishedStories } from '@/db/schema';
import messages from '@/messages/ar.json';

// Taken-down and retracted stories answer 410 Gone. The App Router has no
// 410, so proxy.ts asks this, uncached, on every article request: a story
// that was taken down is never served again from any cache.

export type Gone = { state: 'taken_down' | 'retracted'; notice: string | null };

export async function findGone(db: Executor, slug: string): Promise<Gone | null> {
  const [row] = await db
    .select({ state: publishedStories.state, notice: publishedStories.notice })
    .from(publishedStories)
    .where(and(eq(publishedStories.slug, slug), ne(publishedStories.state, 'published')));
  if (!row || row.state === 'unpublished' || row.state === 'published') return null;
  return { state: row.state, notice: row.notice };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small self-contained page: a neutral notice for a take-down, the public notice for a retraction. */
export function renderGonePage(gone: Gone): string {
  const t = messages.gone;
  const body =
    gone.state === 'retracted'
      ? `<h1>${t.retractedTitle}</h1><p>${escapeHtml(gone.notice ?? '')}</p>`
      : `<h1>${t.title}</h1><p>${t.body}</p>`;
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${gone.state === 'retracted' ? t.retractedTitle : t.title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.8"><main>${body}<p><a href="/">${messages.notFound.backHome}</a></p></main></body></html>`;
}
