import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db';
import { importItems, legacyRedirects, media, slugHistory, stories, storyAuthors, storyTags, workflowEvents } from '@/db/schema';
import { toPlainText } from '@/lib/content/document';
import { FIGURE_TEXT_LIMITS } from '@/lib/content/figure';
import { dominantDirection } from '@/lib/content/direction';
import { now } from '@/lib/clock';
import { legacyTag } from '@/lib/reader/cache-tags';
import { slugify, slugVariants } from '@/lib/slug';
import { stripControlChars } from '@/lib/text/control-chars';
import { PUBLISH_JOB, publishRevision, readerTags } from '@/lib/stories/publication';
import { snapshotRevision } from '@/lib/stories/revisions';
import type { ImportSource } from '@/lib/enums';
import { htmlToDoc, htmlToText, imageUrlsOf, type ImportedImage } from './html';
import { reportOf, type PostProblem, type PostReport } from './report';
import type { SourcePost } from './source';
import { itemKey, wantedSlug, type TermMaps } from './terms';

// One post, in one transaction: the story, its bylines and tags, its state
// (published at its own date, scheduled, in review, a draft, restricted), its
// old paths, and its import record. Images are stored before (each on its own,
// reused by URL across posts and runs); if the transaction fails, nothing of
// the post is left but those images in the library.

export type PostContext = {
  db: Database;
  source: ImportSource;
  runId: string;
  actorId: string | null;
  terms: TermMaps;
  fallbackSection: string | null;
  /** The library's copy of an image URL, stored on first use; null when it could not be had. */
  image: (url: string) => Promise<{ image: ImportedImage | null; problem?: string }>;
};

const HEADLINE_MAX = 250;
const STANDFIRST_MAX = 600;
const clip = (text: string, max: number) => Array.from(stripControlChars(text).trim()).slice(0, max).join('');

/** The post's own slug when it is free; otherwise the next numbered one, and the report says so. */
async function pickSlug(tx: Executor, post: SourcePost, problems: PostProblem[]): Promise<string> {
  const wanted = wantedSlug(post.slug, post.title, 'tag') || slugify(`${post.sourceId}`) || `post-${post.sourceId}`;
  if (post.slug && wanted !== post.slug.toLowerCase()) problems.push({ kind: 'slug_changed', detail: `${post.slug} → ${wanted}` });
  const candidates = [wanted, ...slugVariants(wanted, 30)];
  const taken = new Set(
    (await tx.select({ slug: stories.slug }).from(stories).where(inArray(stories.slug, candidates))).map((row) => row.slug).concat(
      (await tx.select({ slug: slugHistory.slug }).from(slugHistory).where(inArray(slugHistory.slug, candidates))).map((row) => row.slug),
    ),
  );
  const free = candidates.find((candidate) => !taken.has(candidate)) ?? `${wanted}-${randomUUID().slice(0, 8)}`;
  if (free !== wanted) problems.push({ kind: 'slug_taken', detail: `${wanted} → ${free}` });
  return free;
}

export type PostResult = { report: PostReport; tags: string[]; images: number; redirects: number };

export async function importPost(ctx: PostContext, post: SourcePost): Promise<PostResult> {
  const report = reportOf(post);
  const key = itemKey('post', post.key);
  const [done] = await ctx.db.select({ storyId: importItems.targetId }).from(importItems).where(and(eq(importItems.source, ctx.source), eq(importItems.key, key)));
  if (done) return { report: { ...report, problems: [], outcome: 'unchanged', storyId: done.storyId }, tags: [], images: 0, redirects: 0 };
  if (post.status === 'skipped') return { report: { ...report, outcome: 'skipped' }, tags: [], images: 0, redirects: 0 };

  // Images first, outside the transaction: downloads are slow, and an image is worth keeping even if the post fails.
  const urls = [...new Set([...(post.featuredImageUrl ? [post.featuredImageUrl] : []), ...imageUrlsOf(post.html)])];
  const images = new Map<string, ImportedImage | null>();
  for (const url of urls) {
    const got = await ctx.image(url);
    images.set(url, got.image);
    if (!got.image && url === post.featuredImageUrl) report.problems.push({ kind: 'image_failed', detail: `${url}: ${got.problem ?? 'failed'}` });
  }
  const converted = htmlToDoc(post.html, images);
  report.problems.push(...converted.problems);
  if (!post.title) report.problems.push({ kind: 'no_title' });
  if (post.authorKeys.length === 0 || post.authorKeys.every((author) => !ctx.terms.authors.has(author))) report.problems.push({ kind: 'no_author' });

  const body = converted.doc;
  const plainText = toPlainText(body);
  const sectionId = (post.sectionKey ? ctx.terms.sections.get(post.sectionKey) : undefined) ?? ctx.fallbackSection;
  const lead = post.featuredImageUrl ? images.get(post.featuredImageUrl) : null;
  const at = post.date ?? now();

  const outcome = await ctx.db.transaction(async (tx) => {
    // An import commits thousands of small transactions: not waiting for each one's WAL flush makes it several
    // times faster, and a crash can lose only the last few posts, which the next run (resuming) imports again.
    await tx.execute(sql`set local synchronous_commit = off`);
    const storyId = randomUUID();
    // The import record first: a concurrent run of the same file finds it taken and leaves the post alone.
    const [claimed] = await tx.insert(importItems).values({ source: ctx.source, key, targetId: storyId, runId: ctx.runId }).onConflictDoNothing().returning({ key: importItems.key });
    if (!claimed) return null;
    const slug = await pickSlug(tx, post, report.problems);
    const headline = clip(post.title, HEADLINE_MAX) || clip(plainText.split('\n')[0] ?? '', 80) || slug;
    await tx.insert(stories).values({
      id: storyId,
      headline,
      standfirst: clip(htmlToText(post.excerpt), STANDFIRST_MAX),
      body,
      plainText,
      language: dominantDirection(`${headline}\n${plainText}`, 'ar') === 'ltr' ? 'en' : 'ar',
      slug,
      sectionId,
      leadImageId: lead?.mediaId ?? null,
      leadImageAlt: lead ? clip(htmlToText(post.featuredImageAlt ?? ''), FIGURE_TEXT_LIMITS.alt) || null : null,
      leadImageCaption: lead ? clip(htmlToText(post.featuredImageCaption ?? ''), FIGURE_TEXT_LIMITS.caption) || null : null,
      createdById: ctx.actorId,
      createdAt: at,
      updatedAt: at,
      restricted: post.status === 'restricted',
      editorialState: post.status === 'in_review' ? 'in_review' : 'draft',
    });
    const authorIds = [...new Set(post.authorKeys.flatMap((author) => ctx.terms.authors.get(author) ?? []))];
    if (authorIds.length > 0) await tx.insert(storyAuthors).values(authorIds.map((authorId, position) => ({ storyId, authorId, position })));
    const tagIds = [...new Set(post.tagKeys.flatMap((tag) => ctx.terms.tags.get(tag) ?? []))].slice(0, 30);
    if (tagIds.length > 0) await tx.insert(storyTags).values(tagIds.map((tagId, position) => ({ storyId, tagId, position })));

    const live = post.status === 'published' || (post.status === 'scheduled' && at.getTime() <= now().getTime());
    if (post.status === 'scheduled' && live) report.problems.push({ kind: 'note', detail: 'scheduled for a time already past: published at that time' });
    if ((live || post.status === 'scheduled') && sectionId) {
      const revisionId = await snapshotRevision(tx, { storyId, kind: 'approval', authorId: ctx.actorId });
      await tx.update(stories).set({ editorialState: 'approved', approvedRevisionId: revisionId }).where(eq(stories.id, storyId));
      await tx.insert(workflowEvents).values({ storyId, action: 'approve', fromEditorial: 'draft', toEditorial: 'approved', actorId: ctx.actorId, reason: 'import', revisionId, createdAt: at });
      if (live) {
        await publishRevision(tx, { storyId, revisionId, at });
        await tx.insert(workflowEvents).values({ storyId, action: 'publish', fromPublication: 'unpublished', toPublication: 'published', actorId: ctx.actorId, reason: 'import', revisionId, createdAt: at });
      } else {
        await tx.update(stories).set({ scheduledRevisionId: revisionId, scheduledFor: at }).where(eq(stories.id, storyId));
        await tx.execute(sql`select graphile_worker.add_job(${PUBLISH_JOB}, ${JSON.stringify({ storyId, revisionId })}::json, run_at := ${at.toISOString()}::timestamptz, job_key := ${`publish:${storyId}`}, max_attempts := 25)`);
      }
    }
    let redirects = 0;
    for (const path of post.legacyPaths) {
      const [added] = await tx.insert(legacyRedirects).values({ path, storyId }).onConflictDoNothing().returning({ path: legacyRedirects.path });
      if (added) redirects += 1;
      else report.problems.push({ kind: 'slug_taken', detail: `old path ${path} already redirects to another story` });
    }
    const tags = [...(live ? await readerTags(tx, storyId) : []), ...post.legacyPaths.map(legacyTag)];
    return { storyId, tags, redirects };
  });
  if (!outcome) return { report: { ...report, problems: [], outcome: 'unchanged' }, tags: [], images: 0, redirects: 0 };
  return { report: { ...report, outcome: 'created', storyId: outcome.storyId }, tags: outcome.tags, images: [...images.values()].filter(Boolean).length, redirects: outcome.redirects };
}

/** The library's copy of an image, from an earlier post or run of the same source. */
export async function knownImage(db: Executor, source: ImportSource, url: string): Promise<ImportedImage | null> {
  const [row] = await db
    .select({ mediaId: media.id, width: media.width, height: media.height })
    .from(importItems)
    .innerJoin(media, eq(media.id, importItems.targetId))
    .where(and(eq(importItems.source, source), eq(importItems.key, itemKey('media', url))));
  return row ?? null;
}
