import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { getDb, type Executor } from '@/db';
import { authors, sections, stories, storyAuthors, storyRevisions, storyTags, tags, users, type BylineRef, type TagRef } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize } from '@/lib/dal';
import { pickContent, type ContentRow } from './content-row';
import { mayOpenStory } from './facts';

// Revisions: full snapshots of the working copy, each a checkpoint
// (lib/stories/checkpoints.ts) listing who contributed since the previous
// one. The writers here authorize nothing (the DAL functions and the seed
// call them inside their own transaction); the readers below do.

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
  input: { storyId: string; kind: RevisionKind; authorId: string | null; storyVersion: number; content: ContentRow; bylines: BylineRef[]; tags: TagRef[]; contributorIds?: string[] },
): Promise<string> {
  const [revision] = await tx
    .insert(storyRevisions)
    .values({
      ...pickContent(input.content),
      storyId: input.storyId,
      kind: input.kind,
      storyVersion: input.storyVersion,
      authorId: input.authorId,
      bylines: input.bylines,
      tags: input.tags,
      contributorIds: input.contributorIds ?? [],
    })
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

export type RevisionSummary = { id: string; kind: string; authorName: string | null; contributorNames: string[]; createdAt: Date; storyVersion: number };

/** Display names of a revision's contributors, in one subquery per row of the same query (no query per revision). */
const contributorNames = sql<string[]>`array(select ${users.displayName} from ${users} where ${users.id} = any(${storyRevisions.contributorIds}) order by ${users.displayName})`;

/** Newest first, each with who took it and who contributed since the one before: one query. */
export async function listRevisions(actor: CurrentUser | null, storyId: string): Promise<RevisionSummary[]> {
  authorize(actor, 'stories:view');
  if (!(await mayOpenStory(getDb(), actor, storyId))) return [];
  return getDb()
    .select({
      id: storyRevisions.id,
      kind: storyRevisions.kind,
      authorName: users.displayName,
      contributorNames,
      createdAt: storyRevisions.createdAt,
      storyVersion: storyRevisions.storyVersion,
    })
    .from(storyRevisions)
    .leftJoin(users, eq(users.id, storyRevisions.authorId))
    .where(eq(storyRevisions.storyId, storyId))
    .orderBy(desc(storyRevisions.createdAt), desc(storyRevisions.id));
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
