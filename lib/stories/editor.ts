import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from '@/db';
import { authors, media, publishedStories, sections, slugHistory, stories, storyAuthors, storyRevisions, storyTags, tags, workflowEvents } from '@/db/schema';
import { figureMediaIds } from '@/lib/content/figure';
import { firstRendition, mediaUrl } from '@/lib/media/plan';
import type { CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { withDirections } from '@/lib/content/block-direction';
import { toPlainText } from '@/lib/content/document';
import { authorize, Forbidden } from '@/lib/dal';
import { slugify } from '@/lib/slug';
import { shouldCoalesce } from './autosave';
import { otherHolder } from './presence';
import { snapshotRevision } from './projection';
import { canEditStory, type EditorialState, type PublicationState, type StoryFacts } from './rules';
import { isReaderFacingEdit } from './workflow';
import type { StoryContentInput } from './schemas';

// The working copy, as the editor loads and saves it. Saves are checked
// against the version the client started from and rejected when stale, so
// the autosave and conflict handling of later issues build on the same path.

export type Byline = { id: string; name: string };

/** The lead image as the editor shows it: the story's overrides beside the library's text. */
export type LeadImageDraft = {
  id: string;
  previewUrl: string;
  width: number;
  height: number;
  alt: string | null;
  caption: string | null;
  credit: string | null;
  library: { alt: string; caption: string; credit: string };
};

export type StoryDraft = {
  id: string;
  version: number;
  kicker: string;
  headline: string;
  standfirst: string;
  body: JSONContent;
  language: 'ar' | 'en';
  slug: string;
  sectionId: string | null;
  seoTitle: string;
  seoDescription: string;
  leadImage: LeadImageDraft | null;
  tags: string[];
  bylines: Byline[];
  editorialState: EditorialState;
  publicationState: PublicationState;
  /** The slug readers reach the story at, when they can. */
  liveSlug: string | null;
  archived: boolean;
  createdById: string | null;
  updatedAt: Date;
  /** When a scheduled publication of the approved revision will happen, if one is pending. */
  scheduledFor: Date | null;
};

export const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

async function readDraft(db: Executor, storyId: string): Promise<StoryDraft | null> {
  const [row] = await db.select().from(stories).where(eq(stories.id, storyId));
  if (!row) return null;
  const [bylineRows, tagRows, live] = await Promise.all([
    db
      .select({ id: authors.id, name: authors.name })
      .from(storyAuthors)
      .innerJoin(authors, eq(authors.id, storyAuthors.authorId))
      .where(eq(storyAuthors.storyId, storyId))
      .orderBy(asc(storyAuthors.position)),
    db.select({ name: tags.name }).from(storyTags).innerJoin(tags, eq(tags.id, storyTags.tagId)).where(eq(storyTags.storyId, storyId)).orderBy(asc(storyTags.position)),
    db.select({ slug: publishedStories.slug }).from(publishedStories).where(eq(publishedStories.storyId, storyId)),
  ]);
  const [lead] = row.leadImageId ? await db.select().from(media).where(eq(media.id, row.leadImageId)) : [];
  return {
    id: row.id,
    version: row.version,
    kicker: row.kicker,
    headline: row.headline,
    standfirst: row.standfirst,
    // Rows stored before blocks carried their direction get it here, so the editor opens with it.
    body: withDirections(row.body, row.language),
    language: row.language,
    slug: row.slug ?? '',
    sectionId: row.sectionId,
    seoTitle: row.seoTitle ?? '',
    seoDescription: row.seoDescription ?? '',
    leadImage: lead
      ? {
          id: lead.id,
          previewUrl: mediaUrl(lead.id, firstRendition(lead.width).name),
          width: lead.width,
          height: lead.height,
          alt: row.leadImageAlt,
          caption: row.leadImageCaption,
          credit: row.leadImageCredit,
          library: { alt: lead.alt, caption: lead.caption, credit: lead.credit },
        }
      : null,
    tags: tagRows.map((tag) => tag.name),
    bylines: bylineRows,
    editorialState: row.editorialState,
    publicationState: row.publicationState,
    liveSlug: live[0]?.slug ?? null,
    archived: row.archivedAt !== null,
    createdById: row.createdById,
    updatedAt: row.updatedAt,
    scheduledFor: row.scheduledFor,
  };
}

const factsOf = (draft: StoryDraft): StoryFacts => ({
  createdById: draft.createdById,
  bylineAuthorIds: draft.bylines.map((byline) => byline.id),
  editorialState: draft.editorialState,
  archived: draft.archived,
});

export async function createStory(actor: CurrentUser | null): Promise<string> {
  authorize(actor, 'stories:create');
  return getDb().transaction(async (tx) => {
    const [story] = await tx.insert(stories).values({ body: EMPTY_DOC, createdById: actor.id }).returning({ id: stories.id });
    if (!story) throw new Error('story insert returned nothing');
    if (actor.authorId) await tx.insert(storyAuthors).values({ storyId: story.id, authorId: actor.authorId, position: 0 });
    return story.id;
  });
}

export type EditorView = { story: StoryDraft; canEdit: boolean; canChangeLiveSlug: boolean };

/** Any staff member may open any story; whether they may edit it is decided here. */
export async function getStoryForEditor(actor: CurrentUser | null, storyId: string): Promise<EditorView | null> {
  authorize(actor, 'stories:view');
  const story = await readDraft(getDb(), storyId);
  if (!story) return null;
  return { story, canEdit: canEditStory(actor, factsOf(story)), canChangeLiveSlug: can(actor, 'stories:change-live-slug') };
}

export type SaveOutcome =
  | { status: 'saved'; version: number; updatedAt: Date; slug: string }
  | { status: 'conflict'; current: StoryDraft }
  | { status: 'locked'; holder: string }
  | { status: 'invalid'; fieldErrors: Record<string, string> };

/** How a save came about: typed and saved, saved by the timer, or a deliberate "keep mine" over a colleague's version. */
export type SaveKind = 'save' | 'autosave' | 'overwrite';

/** Tag names to ids, creating the tags that do not exist yet (inline creation from the editor). */
async function resolveTags(tx: Transaction, names: string[]): Promise<string[] | null> {
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) return null;
    if (!bySlug.has(slug)) bySlug.set(slug, name);
  }
  if (bySlug.size === 0) return [];
  await tx
    .insert(tags)
    .values([...bySlug].map(([slug, name]) => ({ slug, name })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, [...bySlug.keys()]));
  const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  return [...bySlug.keys()].map((slug) => idBySlug.get(slug) as string);
}

async function slugProblem(tx: Transaction, storyId: string, slug: string): Promise<string | null> {
  const [other] = await tx.select({ id: stories.id }).from(stories).where(and(eq(stories.slug, slug), ne(stories.id, storyId)));
  if (other) return 'errors.slugTaken';
  const [old] = await tx.select({ storyId: slugHistory.storyId }).from(slugHistory).where(and(eq(slugHistory.slug, slug), ne(slugHistory.storyId, storyId)));
  return old ? 'errors.slugTaken' : null;
}

/**
 * Locks the story's row for a content change and loads the working copy,
 * refusing whoever may not edit it. The row lock makes two changes on one
 * base version queue up, so only the first passes the version check.
 */
async function lockForEdit(tx: Transaction, actor: CurrentUser, storyId: string): Promise<{ version: number; current: StoryDraft } | null> {
  const [locked] = await tx.select({ version: stories.version }).from(stories).where(eq(stories.id, storyId)).for('update');
  if (!locked) return null;
  const current = (await readDraft(tx, storyId)) as StoryDraft;
  if (!canEditStory(actor, factsOf(current))) throw new Forbidden('stories:edit');
  return { version: locked.version, current };
}

/**
 * Saves the whole working copy if `baseVersion` is still current, bumps the
 * version and writes a revision. Nothing here touches what readers see: that
 * changes only when a revision is published.
 */
export async function saveStory(
  actor: CurrentUser | null,
  storyId: string,
  input: StoryContentInput,
  options: { kind: SaveKind; sessionId?: string } = { kind: 'save' },
): Promise<SaveOutcome | null> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    const locked = await lockForEdit(tx, actor, storyId);
    if (!locked) return null;
    const { current } = locked;
    // Someone else's editor tab holds the soft lock (a take-over): this tab is read-only now.
    const holder = await otherHolder(tx, storyId, actor.id, options.sessionId);
    if (holder) return { status: 'locked', holder };
    if (locked.version !== input.baseVersion) return { status: 'conflict', current };

    const fieldErrors: Record<string, string> = {};
    const slug = input.slug === '' ? null : input.slug;
    if (slug && slug !== current.slug) {
      const problem = await slugProblem(tx, storyId, slug);
      if (problem) fieldErrors.slug = problem;
    }
    // Readers already reach this story at its live slug: moving it is an editor's deliberate act.
    if (current.liveSlug && slug !== current.liveSlug && slug !== current.slug) {
      if (!can(actor, 'stories:change-live-slug')) fieldErrors.slug = 'errors.slugLiveForbidden';
      else if (!input.confirmSlugChange) fieldErrors.slug = 'errors.slugNeedsConfirm';
    }
    if (input.sectionId) {
      const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, input.sectionId));
      if (!section) fieldErrors.sectionId = 'errors.invalidChoice';
    }
    const bylineIds = [...new Set(input.bylines)];
    if (bylineIds.length > 0) {
      const found = await tx.select({ id: authors.id }).from(authors).where(inArray(authors.id, bylineIds));
      if (found.length !== bylineIds.length) fieldErrors.bylines = 'errors.invalidChoice';
    }
    const tagIds = await resolveTags(tx, input.tags);
    if (!tagIds) fieldErrors.tags = 'errors.tagInvalid';
    // Figures and the lead image must point at images that exist; their sizes come from the library, not the client.
    const images = await libraryImages(tx, [...figureMediaIds(input.body), ...(input.leadImage ? [input.leadImage.id] : [])]);
    if (input.leadImage && !images.has(input.leadImage.id)) fieldErrors.leadImage = 'errors.mediaMissing';
    if (figureMediaIds(input.body).some((id) => !images.has(id))) fieldErrors.body = 'errors.mediaMissing';
    if (Object.keys(fieldErrors).length > 0) return { status: 'invalid', fieldErrors };
    // Each block's direction is the server's to compute, as the reader page computes it; a forced one is the writer's.
    const body = withDirections(withFigureSizes(input.body, images), input.language);
    const lead =
      input.leadImage === undefined
        ? null
        : { leadImageId: input.leadImage?.id ?? null, leadImageAlt: input.leadImage?.alt ?? null, leadImageCaption: input.leadImage?.caption ?? null, leadImageCredit: input.leadImage?.credit ?? null };

    const at = now();
    const version = locked.version + 1;
    // An approval covers exactly what it pinned: a change to anything readers get sends the copy back to draft.
    const resetsApproval = current.editorialState === 'approved' && (await changesWhatReadersGet(tx, storyId, { ...input, body }, slug, bylineIds, tagIds ?? [], lead));
    await tx
      .update(stories)
      .set({
        ...(resetsApproval ? { editorialState: 'draft' as const } : {}),
        kicker: input.kicker,
        headline: input.headline,
        standfirst: input.standfirst,
        body,
        plainText: toPlainText(body),
        language: input.language,
        slug,
        sectionId: input.sectionId,
        seoTitle: input.seoTitle || null,
        seoDescription: input.seoDescription || null,
        ...(lead ?? {}),
        version,
        updatedAt: at,
      })
      .where(eq(stories.id, storyId));
    await tx.delete(storyAuthors).where(eq(storyAuthors.storyId, storyId));
    if (bylineIds.length > 0) await tx.insert(storyAuthors).values(bylineIds.map((authorId, position) => ({ storyId, authorId, position })));
    await tx.delete(storyTags).where(eq(storyTags.storyId, storyId));
    if (tagIds && tagIds.length > 0) await tx.insert(storyTags).values(tagIds.map((tagId, position) => ({ storyId, tagId, position })));
    if (options.kind === 'autosave') {
      // Autosaves coalesce: the same author's autosave from the last few minutes is replaced, not kept beside this one.
      const [latest] = await tx
        .select({ id: storyRevisions.id, kind: storyRevisions.kind, authorId: storyRevisions.authorId, createdAt: storyRevisions.createdAt })
        .from(storyRevisions)
        .where(eq(storyRevisions.storyId, storyId))
        .orderBy(desc(storyRevisions.createdAt))
        .limit(1);
      if (latest && shouldCoalesce(latest, actor.id, at)) await tx.delete(storyRevisions).where(eq(storyRevisions.id, latest.id));
    }
    await snapshotRevision(tx, { storyId, kind: options.kind, authorId: actor.id });
    if (resetsApproval) {
      await tx.insert(workflowEvents).values({ storyId, action: 'reader_facing_edit', fromEditorial: 'approved', toEditorial: 'draft', actorId: actor.id, createdAt: at });
    }
    return { status: 'saved', version, updatedAt: at, slug: slug ?? '' };
  });
}

/** Compares a save with the approved revision, field by field, as DESIGN.md defines a reader-facing edit. */
type LeadChoice = { leadImageId: string | null; leadImageAlt: string | null; leadImageCaption: string | null; leadImageCredit: string | null };

async function libraryImages(tx: Transaction, ids: string[]): Promise<Map<string, { width: number; height: number }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: media.id, width: media.width, height: media.height }).from(media).where(inArray(media.id, unique));
  return new Map(rows.map((row) => [row.id, { width: row.width, height: row.height }]));
}

/** The figures' width and height, from the library: the page reserves exactly the image's space. */
function withFigureSizes(node: JSONContent, images: Map<string, { width: number; height: number }>): JSONContent {
  const size = node.type === 'figure' ? images.get(String(node.attrs?.mediaId)) : undefined;
  return {
    ...node,
    ...(size ? { attrs: { ...node.attrs, width: size.width, height: size.height } } : {}),
    ...(node.content ? { content: node.content.map((child) => withFigureSizes(child, images)) } : {}),
  };
}

function withoutMissingFigures(node: JSONContent, images: Map<string, unknown>): JSONContent {
  if (!node.content) return node;
  return { ...node, content: node.content.filter((child) => child.type !== 'figure' || images.has(String(child.attrs?.mediaId))).map((child) => withoutMissingFigures(child, images)) };
}

async function changesWhatReadersGet(tx: Transaction, storyId: string, input: StoryContentInput, slug: string | null, bylineIds: string[], tagIds: string[], lead: LeadChoice | null): Promise<boolean> {
  const [story] = await tx
    .select({ approvedRevisionId: stories.approvedRevisionId, leadImageId: stories.leadImageId, leadImageAlt: stories.leadImageAlt, leadImageCaption: stories.leadImageCaption, leadImageCredit: stories.leadImageCredit })
    .from(stories)
    .where(eq(stories.id, storyId));
  const [approved] = story?.approvedRevisionId ? await tx.select().from(storyRevisions).where(eq(storyRevisions.id, story.approvedRevisionId)) : [];
  if (!approved) return true;
  return isReaderFacingEdit(
    {
      kicker: approved.kicker,
      headline: approved.headline,
      standfirst: approved.standfirst,
      // Older revisions carry no computed directions: compare like with like.
      body: withDirections(approved.body, input.language),
      sectionId: approved.sectionId,
      slug: approved.slug,
      seoTitle: approved.seoTitle || null,
      seoDescription: approved.seoDescription || null,
      leadImageId: approved.leadImageId,
      leadImageAlt: approved.leadImageAlt,
      leadImageCaption: approved.leadImageCaption,
      leadImageCredit: approved.leadImageCredit,
      tags: approved.tags.map((tag) => tag.id),
      bylines: approved.bylines.map((byline) => byline.id),
    },
    {
      kicker: input.kicker,
      headline: input.headline,
      standfirst: input.standfirst,
      body: input.body,
      sectionId: input.sectionId,
      slug,
      seoTitle: input.seoTitle || null,
      seoDescription: input.seoDescription || null,
      ...(lead ?? { leadImageId: story?.leadImageId ?? null, leadImageAlt: story?.leadImageAlt ?? null, leadImageCaption: story?.leadImageCaption ?? null, leadImageCredit: story?.leadImageCredit ?? null }),
      tags: tagIds,
      bylines: bylineIds,
    },
  );
}

export type RevisionSummary = { id: string; kind: string; authorName: string | null; createdAt: Date; storyVersion: number };

export async function listRevisions(actor: CurrentUser | null, storyId: string): Promise<RevisionSummary[]> {
  authorize(actor, 'stories:view');
  return getDb()
    .select({ id: storyRevisions.id, kind: storyRevisions.kind, authorName: authors.name, createdAt: storyRevisions.createdAt, storyVersion: storyRevisions.storyVersion })
    .from(storyRevisions)
    .leftJoin(authors, eq(authors.userId, storyRevisions.authorId))
    .where(eq(storyRevisions.storyId, storyId))
    .orderBy(asc(storyRevisions.createdAt))
    .then((rows) => rows.reverse());
}

export type RevisionSnapshot = typeof storyRevisions.$inferSelect & { sectionName: string | null };

export async function getRevisions(actor: CurrentUser | null, storyId: string, revisionIds: string[]): Promise<RevisionSnapshot[]> {
  authorize(actor, 'stories:view');
  if (revisionIds.length === 0) return [];
  const rows = await getDb()
    .select({ revision: storyRevisions, sectionName: sections.name })
    .from(storyRevisions)
    .leftJoin(sections, eq(sections.id, storyRevisions.sectionId))
    .where(and(eq(storyRevisions.storyId, storyId), inArray(storyRevisions.id, revisionIds)));
  return rows.map((row) => ({ ...row.revision, sectionName: row.sectionName }));
}

/** Makes an old revision the working copy again, as a new version and a new revision: history is never rewritten. */
export async function restoreRevision(actor: CurrentUser | null, storyId: string, input: { revisionId: string; baseVersion: number }): Promise<SaveOutcome | null> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    const locked = await lockForEdit(tx, actor, storyId);
    if (!locked) return null;
    const { current } = locked;
    if (locked.version !== input.baseVersion) return { status: 'conflict', current };
    const [revision] = await tx.select().from(storyRevisions).where(and(eq(storyRevisions.id, input.revisionId), eq(storyRevisions.storyId, storyId)));
    if (!revision) return null;
    // Images may have left the library since: their figures go, rather than pointing at nothing.
    const images = await libraryImages(tx, figureMediaIds(revision.body));
    const body = withoutMissingFigures(revision.body, images);
    // The old slug may have gone to another story since; keep the current one then.
    const slug = revision.slug && revision.slug !== current.slug && (await slugProblem(tx, storyId, revision.slug)) ? current.slug || null : revision.slug;
    const at = now();
    const version = locked.version + 1;
    await tx
      .update(stories)
      .set({
        kicker: revision.kicker,
        headline: revision.headline,
        standfirst: revision.standfirst,
        body,
        plainText: revision.plainText,
        language: revision.language,
        slug,
        sectionId: revision.sectionId,
        seoTitle: revision.seoTitle,
        seoDescription: revision.seoDescription,
        // The image may have left the library since; the story then has no lead image rather than a dangling one.
        leadImageId: revision.leadImageId && (await libraryImages(tx, [revision.leadImageId])).size > 0 ? revision.leadImageId : null,
        leadImageAlt: revision.leadImageAlt,
        leadImageCaption: revision.leadImageCaption,
        leadImageCredit: revision.leadImageCredit,
        version,
        updatedAt: at,
      })
      .where(eq(stories.id, storyId));
    const liveAuthors = await tx.select({ id: authors.id }).from(authors).where(inArray(authors.id, revision.bylines.map((b) => b.id).concat('00000000-0000-0000-0000-000000000000')));
    const keep = new Set(liveAuthors.map((a) => a.id));
    await tx.delete(storyAuthors).where(eq(storyAuthors.storyId, storyId));
    const bylines = revision.bylines.filter((b) => keep.has(b.id));
    if (bylines.length > 0) await tx.insert(storyAuthors).values(bylines.map((b, position) => ({ storyId, authorId: b.id, position })));
    await tx.delete(storyTags).where(eq(storyTags.storyId, storyId));
    if (revision.tags.length > 0) await tx.insert(storyTags).values(revision.tags.map((tag, position) => ({ storyId, tagId: tag.id, position }))).onConflictDoNothing();
    await snapshotRevision(tx, { storyId, kind: 'restore', authorId: actor.id });
    return { status: 'saved', version, updatedAt: at, slug: slug ?? '' };
  });
}
