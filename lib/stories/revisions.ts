import { and, asc, eq, inArray } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { getDb, type Executor } from '@/db';
import { authors, sections, stories, storyAuthors, storyRevisions, storyTags, tags, type BylineRef, type TagRef } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize } from '@/lib/dal';
import { pickContent, type ContentRow } from './content-row';
import { mayOpenStory } from './facts';

// Revisions: full snapshots of the working copy, as saved, approved or
// restored. The writers here authorize nothing (the DAL functions and the
// seed call them inside their own transaction); the readers below do.

type RevisionKind = (typeof storyRevisions.$inferInsert)['kind'];

export async function readBylines(tx: Executor, storyId: string): Promise<BylineRef[]> {
  return tx
    .select({ id: authors.id, name: authors.name, slug: authors.slug })
    .from(storyAuthors)
    .innerJoin(authors, eq(authors.id, storyAuthors.authorId))
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position));
}

export async function readTags(tx: Executor, storyId: string): Promise<TagRef[]> {
  return tx
    .select({ id: tags.id, name: tags.name, slug: tags.slug })
    .from(storyTags)
    .innerJoin(tags, eq(tags.id, storyTags.tagId))
    .where(eq(storyTags.storyId, storyId))
    .orderBy(asc(storyTags.position));
}

/** Writes a revision from content the caller already holds, and returns its id. */
export async function insertRevision(
  tx: Executor,
  input: { storyId: string; kind: RevisionKind; authorId: string | null; storyVersion: number; content: ContentRow; bylines: BylineRef[]; tags: TagRef[] },
): Promise<string> {
  const [revision] = await tx
    .insert(storyRevisions)
    .values({ ...pickContent(input.content), storyId: input.storyId, kind: input.kind, storyVersion: input.storyVersion, authorId: input.authorId, bylines: input.bylines, tags: input.tags })
    .returning({ id: storyRevisions.id });
  if (!revision) throw new Error('revision insert returned nothing');
  return revision.id;
}

/** Snapshots every field of the working copy, as it is in the database now, as a revision and returns its id. */
export async function snapshotRevision(tx: Executor, input: { storyId: string; kind: RevisionKind; authorId: string | null }): Promise<string> {
  const [story] = await tx.select().from(stories).where(eq(stories.id, input.storyId)).for('update');
  if (!story) throw new Error(`story ${input.storyId} not found`);
  const [bylines, tagRefs] = await Promise.all([readBylines(tx, story.id), readTags(tx, story.id)]);
  return insertRevision(tx, { storyId: story.id, kind: input.kind, authorId: input.authorId, storyVersion: story.version, content: story, bylines, tags: tagRefs });
}

export type RevisionSummary = { id: string; kind: string; authorName: string | null; createdAt: Date; storyVersion: number };

export async function listRevisions(actor: CurrentUser | null, storyId: string): Promise<RevisionSummary[]> {
  authorize(actor, 'stories:view');
  if (!(await mayOpenStory(getDb(), actor, storyId))) return [];
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
  if (revisionIds.length === 0 || !(await mayOpenStory(getDb(), actor, storyId))) return [];
  const rows = await getDb()
    .select({ revision: storyRevisions, sectionName: sections.name })
    .from(storyRevisions)
    .leftJoin(sections, eq(sections.id, storyRevisions.sectionId))
    .where(and(eq(storyRevisions.storyId, storyId), inArray(storyRevisions.id, revisionIds)));
  return rows.map((row) => ({ ...row.revision, sectionName: row.sectionName }));
}

export function withoutMissingFigures(node: JSONContent, images: Map<string, unknown>): JSONContent {
  if (!node.content) return node;
  return { ...node, content: node.content.filter((child) => child.type !== 'figure' || images.has(String(child.attrs?.mediaId))).map((child) => withoutMissingFigures(child, images)) };
}
