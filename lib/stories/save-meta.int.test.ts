import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stories, storyRevisions } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { createStory } from './working-copy';
import { saveStoryMeta } from './save';
import { storyMetaSchema } from './schemas';

// The editor's metadata save: no version to conflict on (co-editors' typing
// changes the text, stored from the shared document), and the text left as it is.

const { db, client } = connectTestDb();
let writer: CurrentUser;
let otherWriter: CurrentUser;
let sectionId: string;

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  otherWriter = await createStaff(db, 'writer');
  sectionId = await db.transaction((tx) => ensureSection(tx, 'economy', 'اقتصاد'));
});
afterAll(() => client.end());

const meta = (patch: Partial<Parameters<typeof saveStoryMeta>[2]> = {}) => storyMetaSchema.parse({ language: 'ar', slug: '', sectionId: null, tags: [], bylines: [], ...patch });

describe('the metadata save', () => {
  it('saves whatever the version, and leaves the text the shared document stored', async () => {
    const id = await createStory(writer);
    const body = paragraphsToDoc(['نص كتبه زميل للتو']);
    // A co-editor's text, stored from the document after this tab opened: the version moved on.
    await db.update(stories).set({ headline: 'عنوان الزميل', body, plainText: toPlainText(body), version: 7 }).where(eq(stories.id, id));
    const outcome = await saveStoryMeta(writer, id, meta({ sectionId, tags: ['اقتصاد'], slug: `meta-${id.slice(0, 8)}` }));
    expect(outcome).toMatchObject({ status: 'saved', version: 8, slug: `meta-${id.slice(0, 8)}` });
    const [row] = await db.select().from(stories).where(eq(stories.id, id));
    expect(row).toMatchObject({ headline: 'عنوان الزميل', plainText: 'نص كتبه زميل للتو', sectionId, slug: `meta-${id.slice(0, 8)}` });
    expect(row?.body).toEqual(body);
    // Checkpoints take the whole story; a metadata save writes no revision.
    expect(await db.select().from(storyRevisions).where(eq(storyRevisions.storyId, id))).toEqual([]);
  });

  it('refuses text in the save, and anyone who may not edit the story', async () => {
    expect(storyMetaSchema.safeParse({ language: 'ar', slug: '', sectionId: null, tags: [], bylines: [], headline: 'نص' }).success).toBe(false);
    const id = await createStory(writer);
    await expect(saveStoryMeta(otherWriter, id, meta())).rejects.toBeInstanceOf(Forbidden);
    await expect(saveStoryMeta(null, id, meta())).rejects.toBeInstanceOf(Forbidden);
  });
});
