import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { authors, media, sections, slugHistory, stories, storyAuthors, storyRevisions, storyTags, tags, tagSlugHistory, workflowEvents, type BylineRef, type TagRef } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { toPlainText } from '@/lib/content/document';
import { figureMediaIds } from '@/lib/content/figure';
import { withDirections } from '@/lib/content/block-direction';
import { authorize } from '@/lib/dal';
import type { SaveKind } from '@/lib/enums';
import { slugify, slugVariants } from '@/lib/slug';
import { isReaderFacingEdit, readerFacingOf } from './approval';
import { shouldCoalesce } from './autosave';
import { fieldsFromRow, pickFields } from './content';
import { fieldsToRow, pickContent, type ContentRow } from './content-row';
import { insertRevision, snapshotRevision, withoutMissingFigures } from './revisions';
import type { StoryContentInput, StoryMetaInput } from './schemas';
import { lockForEdit, readDraft, type StoryDraft } from './working-copy';

// The editor's save. It reads the story's row once (locked, with its live
// slug and byline and tag ids), validates against the library, writes the
// working copy, and snapshots it from what it holds, without reading back
// what it just wrote. Nothing here touches what readers see: that changes
// only when a revision is published.

export type SaveOutcome =
  | { status: 'saved'; version: number; updatedAt: Date; slug: string }
  | { status: 'conflict'; current: StoryDraft }
  /** suggestedSlug: a free alternative when the slug asked for is taken. */
  | { status: 'invalid'; fieldErrors: Record<string, string>; suggestedSlug?: string };

export type { SaveKind };

/** Tag names to tags, creating the ones that do not exist yet (inline creation from the editor). */
async function resolveTags(tx: Transaction, names: string[]): Promise<TagRef[] | null> {
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) return null;
    if (!bySlug.has(slug)) bySlug.set(slug, name);
  }
  if (bySlug.size === 0) return [];
  // A name a tag had before a rename or merge means that tag, not a new one.
  const renamed = await tx
    .select({ old: tagSlugHistory.slug, id: tags.id, name: tags.name, slug: tags.slug })
    .from(tagSlugHistory)
    .innerJoin(tags, eq(tags.id, tagSlugHistory.tagId))
    .where(inArray(tagSlugHistory.slug, [...bySlug.keys()]));
  const bySlugRow = new Map<string, TagRef>(renamed.map(({ old, ...tag }) => [old, tag]));
  const fresh = [...bySlug].filter(([slug]) => !bySlugRow.has(slug));
  if (fresh.length > 0) {
    await tx
      .insert(tags)
      .values(fresh.map(([slug, name]) => ({ slug, name })))
      .onConflictDoNothing();
    const rows = await tx.select({ id: tags.id, name: tags.name, slug: tags.slug }).from(tags).where(inArray(tags.slug, fresh.map(([slug]) => slug)));
    for (const row of rows) bySlugRow.set(row.slug, row);
  }
  const refs = [...bySlug.keys()].map((slug) => bySlugRow.get(slug) as TagRef);
  return refs.filter((ref, index) => refs.findIndex((other) => other.id === ref.id) === index);
}

/** The byline's authors, in the order given, or null when one does not exist. */
async function resolveBylines(tx: Transaction, ids: string[]): Promise<BylineRef[] | null> {
  if (ids.length === 0) return [];
  const rows = await tx.select({ id: authors.id, name: authors.name, slug: authors.slug }).from(authors).where(inArray(authors.id, ids));
  if (rows.length !== ids.length) return null;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) as BylineRef);
}

export async function slugProblem(tx: Transaction, storyId: string, slug: string): Promise<string | null> {
  const [other] = await tx.select({ id: stories.id }).from(stories).where(and(eq(stories.slug, slug), ne(stories.id, storyId)));
  if (other) return 'errors.slugTaken';
  const [old] = await tx.select({ storyId: slugHistory.storyId }).from(slugHistory).where(and(eq(slugHistory.slug, slug), ne(slugHistory.storyId, storyId)));
  return old ? 'errors.slugTaken' : null;
}

/** How many numbered variants one query tries; past that the writer chooses. */
const SLUG_VARIANTS = 20;

/** The first numbered variant of a taken slug that no other story holds, now or in its history. */
export async function freeSlugLike(tx: Transaction, storyId: string, slug: string): Promise<string | undefined> {
  const candidates = slugVariants(slug, SLUG_VARIANTS);
  const [current, past] = await Promise.all([
    tx.select({ slug: stories.slug }).from(stories).where(and(inArray(stories.slug, candidates), ne(stories.id, storyId))),
    tx.select({ slug: slugHistory.slug }).from(slugHistory).where(and(inArray(slugHistory.slug, candidates), ne(slugHistory.storyId, storyId))),
  ]);
  const taken = new Set([...current, ...past].map((row) => row.slug));
  return candidates.find((candidate) => !taken.has(candidate));
}

export async function libraryImages(tx: Transaction, ids: string[]): Promise<Map<string, { width: number; height: number }>> {
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

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * Saves the whole working copy if `baseVersion` is still current, bumps the
 * version and writes a revision. The editor no longer saves this way (its
 * text is a shared document, lib/collab/, and its metadata goes through
 * saveStoryMeta); imports, tests and scripts that write a whole story do.
 */
export async function saveStory(actor: CurrentUser | null, storyId: string, input: StoryContentInput, options: { kind: SaveKind } = { kind: 'save' }): Promise<SaveOutcome | null> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    const locked = await lockForEdit(tx, actor, storyId);
    if (!locked) return null;
    if (locked.story.version !== input.baseVersion) return { status: 'conflict', current: (await readDraft(tx, storyId)) as StoryDraft };
    return writeContent(tx, actor, locked, input, { kind: options.kind, text: 'input' });
  });
}

/**
 * The editor's save of everything but the text: section, slug, language, tags,
 * bylines and lead image. No version check: co-editors typing change the text
 * (stored from the shared document), never these, so there is nothing to
 * conflict with; the text is read from the row, under its lock, and left as
 * it is. No revision either: checkpoints take the whole story.
 */
export async function saveStoryMeta(actor: CurrentUser | null, storyId: string, meta: StoryMetaInput): Promise<SaveOutcome | null> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    const locked = await lockForEdit(tx, actor, storyId);
    if (!locked) return null;
    const { story } = locked;
    const input: StoryContentInput = { ...fieldsFromRow(story), body: story.body, ...meta, baseVersion: story.version };
    return writeContent(tx, actor, locked, input, { kind: null, text: 'row' });
  });
}

type LockedForEdit = NonNullable<Awaited<ReturnType<typeof lockForEdit>>>;

/** Validates and writes a working copy on a locked row. `text: 'row'` keeps the row's text as it is. */
async function writeContent(tx: Transaction, actor: CurrentUser, locked: LockedForEdit, input: StoryContentInput, options: { kind: SaveKind | null; text: 'input' | 'row' }): Promise<SaveOutcome> {
  const { story, liveSlug } = locked;
  const storyId = story.id;
  const keepText = options.text === 'row';
  const fieldErrors: Record<string, string> = {};
  const slug = input.slug === '' ? null : input.slug;
  const currentSlug = story.slug ?? '';
  if (slug && slug !== currentSlug) {
    const problem = await slugProblem(tx, storyId, slug);
    if (problem) fieldErrors.slug = problem;
  }
  // Readers already reach this story at its live slug: moving it is an editor's deliberate act.
  if (liveSlug && slug !== liveSlug && slug !== currentSlug) {
    if (!can(actor, 'stories:change-live-slug')) fieldErrors.slug = 'errors.slugLiveForbidden';
    else if (!input.confirmSlugChange) fieldErrors.slug = 'errors.slugNeedsConfirm';
  }
  if (input.sectionId) {
    const [section] = await tx.select({ id: sections.id, archivedAt: sections.archivedAt }).from(sections).where(eq(sections.id, input.sectionId));
    if (!section) fieldErrors.sectionId = 'errors.invalidChoice';
    // A story may stay in a section archived under it, but none moves into one.
    else if (section.archivedAt && input.sectionId !== story.sectionId) fieldErrors.sectionId = 'errors.sections.archivedTarget';
  }
  const bylines = await resolveBylines(tx, [...new Set(input.bylines)]);
  if (!bylines) fieldErrors.bylines = 'errors.invalidChoice';
  const tagRefs = await resolveTags(tx, input.tags);
  if (!tagRefs) fieldErrors.tags = 'errors.tagInvalid';
  // Figures and the lead image must point at images that exist; their sizes come from the library, not the client.
  const figureIds = keepText ? [] : figureMediaIds(input.body);
  const images = await libraryImages(tx, [...figureIds, ...(input.leadImage ? [input.leadImage.id] : [])]);
  if (input.leadImage && !images.has(input.leadImage.id)) fieldErrors.leadImage = 'errors.mediaMissing';
  if (figureIds.some((id) => !images.has(id))) fieldErrors.body = 'errors.mediaMissing';
  if (!bylines || !tagRefs || Object.keys(fieldErrors).length > 0) {
    const suggestedSlug = slug && fieldErrors.slug === 'errors.slugTaken' ? await freeSlugLike(tx, storyId, slug) : undefined;
    return { status: 'invalid', fieldErrors, ...(suggestedSlug ? { suggestedSlug } : {}) };
  }

  // Each block's direction is the server's to compute, as the reader page computes it; a forced one is the writer's.
  const body = keepText ? story.body : withDirections(withFigureSizes(input.body, images), input.language);
  // Left out, the lead image stays as it is.
  const lead =
    input.leadImage === undefined
      ? {}
      : { leadImageId: input.leadImage?.id ?? null, leadImageAlt: input.leadImage?.alt ?? null, leadImageCaption: input.leadImage?.caption ?? null, leadImageCredit: input.leadImage?.credit ?? null };
  const content: ContentRow = { ...pickContent(story), ...fieldsToRow(pickFields(input)), body, plainText: keepText ? story.plainText : toPlainText(body), ...lead };

  const at = now();
  const version = story.version + 1;
  // An approval covers exactly what it pinned: a change to anything readers get sends the copy back to draft.
  const resetsApproval = story.editorialState === 'approved' && (await changesWhatReadersGet(tx, story.approvedRevisionId, { ...content, bylines, tags: tagRefs }));
  await tx
    .update(stories)
    .set({ ...(resetsApproval ? { editorialState: 'draft' as const } : {}), ...content, version, updatedAt: at })
    .where(eq(stories.id, storyId));
  // Bylines and tags are rewritten only when they changed: most saves change neither.
  const bylineIds = bylines.map((byline) => byline.id);
  if (!sameIds(bylineIds, locked.bylineIds)) {
    await tx.delete(storyAuthors).where(eq(storyAuthors.storyId, storyId));
    if (bylineIds.length > 0) await tx.insert(storyAuthors).values(bylineIds.map((authorId, position) => ({ storyId, authorId, position })));
  }
  const tagIds = tagRefs.map((tag) => tag.id);
  if (!sameIds(tagIds, locked.tagIds)) {
    await tx.delete(storyTags).where(eq(storyTags.storyId, storyId));
    if (tagIds.length > 0) await tx.insert(storyTags).values(tagIds.map((tagId, position) => ({ storyId, tagId, position })));
  }
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
  if (options.kind) await insertRevision(tx, { storyId, kind: options.kind, authorId: actor.id, storyVersion: version, content, bylines, tags: tagRefs });
  if (resetsApproval) {
    await tx.insert(workflowEvents).values({ storyId, action: 'reader_facing_edit', fromEditorial: 'approved', toEditorial: 'draft', actorId: actor.id, createdAt: at });
  }
  return { status: 'saved', version, updatedAt: at, slug: slug ?? '' };
}

/** Compares a save with the approved revision, field by field (lib/stories/approval.ts). */
async function changesWhatReadersGet(tx: Transaction, approvedRevisionId: string | null, next: ContentRow & { bylines: BylineRef[]; tags: TagRef[] }): Promise<boolean> {
  const [approved] = approvedRevisionId ? await tx.select().from(storyRevisions).where(eq(storyRevisions.id, approvedRevisionId)) : [];
  if (!approved) return true;
  // Older revisions carry no computed directions: compare like with like.
  return isReaderFacingEdit(readerFacingOf({ ...approved, body: withDirections(approved.body, next.language) }), readerFacingOf(next));
}

/** Makes an old revision the working copy again, as a new version and a new revision: history is never rewritten. */
export async function restoreRevision(actor: CurrentUser | null, storyId: string, input: { revisionId: string; baseVersion: number }): Promise<SaveOutcome | null> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    const locked = await lockForEdit(tx, actor, storyId);
    if (!locked) return null;
    const { story } = locked;
    if (story.version !== input.baseVersion) return { status: 'conflict', current: (await readDraft(tx, storyId)) as StoryDraft };
    const [revision] = await tx.select().from(storyRevisions).where(and(eq(storyRevisions.id, input.revisionId), eq(storyRevisions.storyId, storyId)));
    if (!revision) return null;
    // Images may have left the library since: their figures go, rather than pointing at nothing.
    const images = await libraryImages(tx, figureMediaIds(revision.body));
    const body = withoutMissingFigures(revision.body, images);
    // The old slug may have gone to another story since; keep the current one then.
    const slug = revision.slug && revision.slug !== (story.slug ?? '') && (await slugProblem(tx, storyId, revision.slug)) ? story.slug || null : revision.slug;
    // The lead image may have left the library too; the story then has no lead image rather than a dangling one.
    const leadImageId = revision.leadImageId && (await libraryImages(tx, [revision.leadImageId])).size > 0 ? revision.leadImageId : null;
    const at = now();
    const version = story.version + 1;
    await tx
      .update(stories)
      .set({ ...pickContent(revision), body, slug, leadImageId, version, updatedAt: at })
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
