import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publishedStories, stories, storyRevisions } from '@/db/schema';
import { isReaderFacingEdit, NOT_READER_FACING, READER_FACING_FIELDS, type ReaderFacing } from './approval';
import { CONTENT_COLUMNS } from './content-row';
import { STORY_FIELD_KEYS } from './content';

// Columns of a revision that are its own bookkeeping, not the story's content.
// Who wrote a revision and who contributed to it are about the revision, not what readers get.
const REVISION_BOOKKEEPING = ['id', 'storyId', 'kind', 'storyVersion', 'authorId', 'contributorIds', 'createdAt'];

describe('story content, defined once', () => {
  it('every content column of a revision is reader-facing or opted out with a reason', () => {
    const optedOut = Object.keys(NOT_READER_FACING);
    for (const column of Object.keys(getTableColumns(storyRevisions)).filter((name) => !REVISION_BOOKKEEPING.includes(name))) {
      const covered = (READER_FACING_FIELDS as readonly string[]).includes(column) || optedOut.includes(column);
      expect(covered, `${column} is neither reader-facing nor in NOT_READER_FACING`).toBe(true);
    }
    for (const reason of Object.values(NOT_READER_FACING)) expect(reason.length).toBeGreaterThan(10);
  });

  it('the working copy, its revisions and the projection carry the same text columns', () => {
    const revision = Object.keys(getTableColumns(storyRevisions));
    const working = Object.keys(getTableColumns(stories));
    for (const column of CONTENT_COLUMNS) expect(working.includes(column) && revision.includes(column), column).toBe(true);
    expect(Object.keys(getTableColumns(publishedStories))).toEqual(expect.arrayContaining(CONTENT_COLUMNS.filter((column) => !column.startsWith('leadImage') && column !== 'slug' && column !== 'sectionId')));
  });

  it('every field the editor sends is a content column', () => {
    for (const key of STORY_FIELD_KEYS) expect(CONTENT_COLUMNS, key).toContain(key);
  });

  it('the language and the subheadline count as reader-facing (the language once slipped)', () => {
    expect(READER_FACING_FIELDS).toContain('language');
    expect(READER_FACING_FIELDS).toContain('subheadline');
    expect(READER_FACING_FIELDS).not.toContain('plainText');
  });
});

describe('reader-facing edits', () => {
  const approved = Object.fromEntries(READER_FACING_FIELDS.map((field) => [field, field === 'tags' ? [{ id: 't' }] : `${field}-value`])) as ReaderFacing;

  it('are changes to any field readers get', () => {
    for (const field of READER_FACING_FIELDS) expect(isReaderFacingEdit(approved, { ...approved, [field]: 'changed' }), field).toBe(true);
  });

  it('are not saves that leave every such field as approved', () => {
    expect(isReaderFacingEdit(approved, { ...approved })).toBe(false);
    expect(isReaderFacingEdit({ ...approved, seoTitle: null }, { ...approved, seoTitle: undefined })).toBe(false);
    expect(isReaderFacingEdit({ ...approved, seoTitle: null }, { ...approved, seoTitle: '' })).toBe(false);
    // The same document with its keys in another order, as Postgres jsonb returns it.
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'أ' }] }] };
    const reordered = { content: [{ content: [{ text: 'أ', type: 'text' }], type: 'paragraph' }], type: 'doc' };
    expect(isReaderFacingEdit({ ...approved, body }, { ...approved, body: reordered })).toBe(false);
    expect(isReaderFacingEdit({ ...approved, body }, { ...approved, body: { ...reordered, content: [] } })).toBe(true);
  });
});
