import { and, asc, eq, gt, isNull, ne, or } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { getDb, type Executor } from '@/db';
import { publishedStories } from '@/db/schema';
import { bodyHtmlVersion, renderBodyHtml } from '@/lib/content/body-html';
import type { ContentLanguage } from '@/lib/content/direction';
import { logger } from '@/lib/logger';

// The body HTML stored with the published projection (components/article/
// article-body.tsx inserts it). Not server-only: the publish runs in the job
// runner and the seed too, and the refresh at start outside Next.

/** The projection's stored body for a revision's body: its HTML and the version of the renderer that made it. */
export const storedBody = (row: { body: JSONContent; language: ContentLanguage }) => ({ bodyHtml: renderBodyHtml(row.body, row.language), bodyHtmlVersion: bodyHtmlVersion() });

const BATCH = 200;

/**
 * Renders again every published body stored by another version of the
 * renderer, or by none (rows from before the column, a deploy that changed
 * the markup). Until then those pages render their body live, as before. A
 * row republished meanwhile is left alone: the update names the revision read.
 * A body that fails to render is logged and left as it is (its page renders
 * live, as before). Returns how many rows it rendered.
 */
export async function refreshStoredBodies(db: Executor): Promise<number> {
  const version = bodyHtmlVersion();
  const stale = or(isNull(publishedStories.bodyHtmlVersion), ne(publishedStories.bodyHtmlVersion, version));
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ storyId: publishedStories.storyId, revisionId: publishedStories.revisionId, body: publishedStories.body, language: publishedStories.language })
      .from(publishedStories)
      .where(and(stale, gt(publishedStories.storyId, after)))
      .orderBy(asc(publishedStories.storyId))
      .limit(BATCH);
    for (const row of rows) {
      let body;
      try {
        body = storedBody(row);
      } catch (error) {
        logger.error({ err: error, storyId: row.storyId }, 'a published body could not be rendered to HTML; its page renders it live');
        continue;
      }
      const updated = await db
        .update(publishedStories)
        .set(body)
        .where(and(eq(publishedStories.storyId, row.storyId), eq(publishedStories.revisionId, row.revisionId)))
        .returning({ storyId: publishedStories.storyId });
      done += updated.length;
    }
    if (rows.length < BATCH) return done;
    after = rows.at(-1)?.storyId ?? after;
  }
}

/**
 * The refresh at start (instrumentation.ts): in the background, since pages render a stale body live meanwhile and a
 * large archive must not hold up the start. A second instance doing the same at once writes the same HTML.
 */
export async function refreshStoredBodiesInBackground(): Promise<void> {
  try {
    const count = await refreshStoredBodies(getDb());
    if (count > 0) logger.info({ count }, 'published bodies rendered again');
  } catch (error) {
    logger.error({ err: error }, 'rendering stored bodies again failed');
  }
}
