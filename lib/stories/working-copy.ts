import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from '@/db';
import { authors, media, publishedStories, sections, stories, storyAuthors, storyTags, tags } from '@/db/schema';
import { firstRendition, mediaUrl } from '@/lib/media/plan';
import type { CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { withDirections } from '@/lib/content/block-direction';
import { authorize, Forbidden } from '@/lib/dal';
import { fieldsFromRow, type StoryFields } from './content';
import { canEditStory, canOpenStory, type EditorialState, type PublicationState, type StoryFacts } from './rules';

// The working copy, as the editor loads it, and the row lock every content
// change takes first. Saves are checked against the version the client
// started from and rejected when stale.

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

/** The content fields (lib/stories/content.ts) plus the body, tags, bylines, lead image and the story's state. */
export type StoryDraft = StoryFields & {
  id: string;
  version: number;
  body: JSONContent;
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
  /** Only its authors, its desk's editors and admins may open it. */
  restricted: boolean;
  /** Its section's desk; null for the general desk. */
  deskId: string | null;
};

export const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

export type StoryRow = typeof stories.$inferSelect;

export async function readDraft(db: Executor, storyId: string): Promise<StoryDraft | null> {
  const [found] = await db.select({ row: stories, deskId: sections.deskId }).from(stories).leftJoin(sections, eq(sections.id, stories.sectionId)).where(eq(stories.id, storyId));
  if (!found) return null;
  const { row, deskId } = found;
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
    ...fieldsFromRow(row),
    id: row.id,
    version: row.version,
    // Rows stored before blocks carried their direction get it here, so the editor opens with it.
    body: withDirections(row.body, row.language),
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
    restricted: row.restricted,
    deskId,
  };
}

const draftFacts = (draft: StoryDraft): StoryFacts => ({
  createdById: draft.createdById,
  bylineAuthorIds: draft.bylines.map((byline) => byline.id),
  editorialState: draft.editorialState,
  archived: draft.archived,
  restricted: draft.restricted,
  deskId: draft.deskId,
});

const rowFacts = (story: StoryRow, bylineAuthorIds: string[], deskId: string | null): StoryFacts => ({
  createdById: story.createdById,
  bylineAuthorIds,
  editorialState: story.editorialState,
  archived: story.archivedAt !== null,
  restricted: story.restricted,
  deskId,
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

/**
 * Any staff member may open any story but a restricted one (lib/stories/rules.ts);
 * whether they may edit it is decided here. A story they may not open is null, like a missing one.
 */
export async function getStoryForEditor(actor: CurrentUser | null, storyId: string): Promise<EditorView | null> {
  authorize(actor, 'stories:view');
  const story = await readDraft(getDb(), storyId);
  if (!story || !canOpenStory(actor, draftFacts(story))) return null;
  return { story, canEdit: canEditStory(actor, draftFacts(story)), canChangeLiveSlug: can(actor, 'stories:change-live-slug') };
}

/** The locked row, with what a save compares against: its live slug and its byline and tag ids, in order. */
export type LockedStory = { story: StoryRow; liveSlug: string | null; deskId: string | null; bylineIds: string[]; tagIds: string[] };

const idsOf = (table: typeof storyAuthors | typeof storyTags, column: typeof storyAuthors.authorId | typeof storyTags.tagId) =>
  sql<string[]>`coalesce((select json_agg(${column} order by ${table.position}) from ${table} where ${table.storyId} = ${stories.id}), '[]'::json)`;

/**
 * Locks the story's row for a content change and reads it once, with what
 * the save needs beside it, refusing whoever may not edit it. The row lock
 * makes two changes on one base version queue up, so only the first passes
 * the version check.
 */
export async function lockForEdit(tx: Transaction, actor: CurrentUser, storyId: string): Promise<LockedStory | null> {
  const [locked] = await tx
    .select({ story: stories, liveSlug: publishedStories.slug, deskId: sections.deskId, bylineIds: idsOf(storyAuthors, storyAuthors.authorId), tagIds: idsOf(storyTags, storyTags.tagId) })
    .from(stories)
    .leftJoin(publishedStories, eq(publishedStories.storyId, stories.id))
    .leftJoin(sections, eq(sections.id, stories.sectionId))
    .where(eq(stories.id, storyId))
    .for('update', { of: stories });
  if (!locked) return null;
  const facts = rowFacts(locked.story, locked.bylineIds, locked.deskId);
  // One they may not open is missing to them; one they may open but not edit is refused.
  if (!canOpenStory(actor, facts)) return null;
  if (!canEditStory(actor, facts)) throw new Forbidden('stories:edit');
  return locked;
}
