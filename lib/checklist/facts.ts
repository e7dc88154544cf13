import 'server-only';
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { media, publishedStories, reviewComments, sections, settings, stories, storyRevisions, storyTags } from '@/db/schema';
import { figureAlts } from '@/lib/content/figure';
import { failure, type Outcome } from '@/lib/dal';
import { checklistRefusal, evaluateChecklist, type ChecklistFacts, type ChecklistResult, type ChecklistStep } from './evaluate';
import { resolvePolicy, type ChecklistPolicy } from './rules';

// Gathers what the checklist needs, each with one indexed lookup, for the
// workflow transitions (inside their transaction, on the locked story row)
// and for the editor page. It authorizes nothing: its callers have.

type StoryRow = typeof stories.$inferSelect;

/** The admin's rules, read fresh (not through the reader cache): a rule just changed applies to the very next step. */
export async function readChecklistPolicy(db: Executor): Promise<ChecklistPolicy> {
  const [row] = await db.select({ checklist: settings.checklist }).from(settings).where(eq(settings.id, 1));
  return resolvePolicy(row?.checklist);
}

/** Top-level anchored comments still open: exactly the rows of the partial index review_comments_open_inline_idx. */
async function countOpenInlineComments(db: Executor, storyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reviewComments)
    .where(and(eq(reviewComments.storyId, storyId), isNotNull(reviewComments.anchor), isNull(reviewComments.parentId), isNull(reviewComments.resolvedAt), isNull(reviewComments.deletedAt)));
  return row?.n ?? 0;
}

/** The lead image's alt as readers would get it (the story's own, else the library's), then each figure's. */
async function imageAlts(db: Executor, source: { leadImageId: string | null; leadImageAlt: string | null; body: unknown }): Promise<string[]> {
  const alts: string[] = [];
  if (source.leadImageId) {
    const [lead] = await db.select({ alt: media.alt }).from(media).where(eq(media.id, source.leadImageId));
    alts.push(source.leadImageAlt ?? lead?.alt ?? '');
  }
  return [...alts, ...figureAlts(source.body)];
}

/** Approve pins the working copy as it is now, so that is what it checks. */
async function workingCopyFacts(db: Executor, story: StoryRow): Promise<ChecklistFacts> {
  const [[tags], openInlineComments, alts] = await Promise.all([db.select({ n: count() }).from(storyTags).where(eq(storyTags.storyId, story.id)), countOpenInlineComments(db, story.id), imageAlts(db, story)]);
  return {
    headline: story.headline,
    standfirst: story.standfirst,
    seoDescription: story.seoDescription,
    hasSection: story.sectionId !== null,
    tagCount: tags?.n ?? 0,
    openInlineComments,
    imageAlts: alts,
    slugChange: null,
  };
}

/**
 * Publish and schedule put the approved revision before readers, not the
 * working copy, so that is what they check. The section must still exist:
 * a revision keeps the id of the section it was approved in.
 */
async function approvedRevisionFacts(db: Executor, story: StoryRow): Promise<ChecklistFacts> {
  if (!story.approvedRevisionId) throw new Error(`story ${story.id} has no approved revision to check`);
  const [revision] = await db
    .select({ headline: storyRevisions.headline, standfirst: storyRevisions.standfirst, seoDescription: storyRevisions.seoDescription, slug: storyRevisions.slug, tags: storyRevisions.tags, sectionId: sections.id, leadImageId: storyRevisions.leadImageId, leadImageAlt: storyRevisions.leadImageAlt, body: storyRevisions.body })
    .from(storyRevisions)
    .leftJoin(sections, eq(sections.id, storyRevisions.sectionId))
    .where(and(eq(storyRevisions.id, story.approvedRevisionId), eq(storyRevisions.storyId, story.id)));
  if (!revision) throw new Error(`approved revision ${story.approvedRevisionId} of story ${story.id} not found`);
  const [[live], openInlineComments, alts] = await Promise.all([db.select({ slug: publishedStories.slug }).from(publishedStories).where(eq(publishedStories.storyId, story.id)), countOpenInlineComments(db, story.id), imageAlts(db, revision)]);
  return {
    headline: revision.headline,
    standfirst: revision.standfirst,
    seoDescription: revision.seoDescription,
    hasSection: revision.sectionId !== null,
    tagCount: revision.tags.length,
    openInlineComments,
    imageAlts: alts,
    slugChange: { slug: revision.slug, liveSlug: live?.slug ?? null },
  };
}

/** The checklist for a step: approve looks at the working copy, publish and schedule at the approved revision. */
export async function runChecklist(db: Executor, story: StoryRow, step: ChecklistStep): Promise<ChecklistResult[]> {
  const [facts, policy] = await Promise.all([step === 'approve' ? workingCopyFacts(db, story) : approvedRevisionFacts(db, story), readChecklistPolicy(db)]);
  return evaluateChecklist(facts, policy);
}

/** For the transitions: the refusal that names each blocking or unacknowledged item, or null to go ahead. */
export async function checklistGate(db: Executor, story: StoryRow, step: ChecklistStep, acknowledged: boolean): Promise<Outcome<never> | null> {
  const refusal = checklistRefusal(await runChecklist(db, story, step), step, acknowledged);
  return refusal ? failure(refusal.error, refusal.fieldErrors) : null;
}
