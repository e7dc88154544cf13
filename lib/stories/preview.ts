import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { publishedStories, sections, stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize } from '@/lib/dal';
import { resolveLeadImage } from '@/lib/media/lead-image';
import type { Article } from '@/lib/reader/queries';
import { pickText } from './content-row';
import { mayOpenStory } from './facts';
import { readBylines, readTags } from './revisions';

// The working copy shaped exactly as the reader projection, so the preview
// renders through the reader's own components and looks as readers will see it.

export async function workingCopyArticle(db: Executor, storyId: string): Promise<Article | null> {
  const [row] = await db
    .select({ story: stories, sectionSlug: sections.slug, sectionName: sections.name, live: { notes: publishedStories.notes, publishedAt: publishedStories.publishedAt, updatedAt: publishedStories.updatedAt } })
    .from(stories)
    .leftJoin(sections, eq(sections.id, stories.sectionId))
    .leftJoin(publishedStories, eq(publishedStories.storyId, stories.id))
    .where(eq(stories.id, storyId));
  if (!row) return null;
  const [bylines, tags, leadImage] = await Promise.all([readBylines(db, storyId), readTags(db, storyId), resolveLeadImage(db, row.story)]);
  const { story, live } = row;
  const at = now();
  return {
    storyId: story.id,
    revisionId: story.publishedRevisionId ?? story.id,
    state: 'published',
    notice: null,
    notes: live?.notes ?? [],
    ...pickText(story),
    slug: story.slug ?? '',
    sectionId: story.sectionId ?? '',
    leadImage,
    // Rendered live on every view (components/article/article-body.tsx): a working copy changes as it is edited.
    bodyHtml: null,
    bodyHtmlVersion: null,
    bylines,
    tags,
    // Dated as publishing it now would date it: an update keeps its first publication date and is
    // updated now; a working copy unchanged since its publication shows exactly what readers have.
    publishedAt: live?.publishedAt ?? at,
    updatedAt: live && story.updatedAt <= live.updatedAt ? live.updatedAt : at,
    sectionSlug: row.sectionSlug ?? '',
    sectionName: row.sectionName ?? '',
  };
}

/** The preview for staff: anyone who may open the story in the newsroom. */
export async function getPreview(actor: CurrentUser | null, storyId: string): Promise<Article | null> {
  authorize(actor, 'stories:view');
  if (!(await mayOpenStory(getDb(), actor, storyId))) return null;
  return workingCopyArticle(getDb(), storyId);
}
