import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareLinks } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { saveStory } from '@/lib/stories/save';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { createShareLink, listShareLinks, openSharedStory, revokeShareLink } from './links';
import { shareSecret, signShareToken } from './token';

const { db, client } = connectTestDb();
let writer: CurrentUser;
let editor: CurrentUser;
let storyId: string;

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  storyId = await createStory(writer);
  const draft = (await getStoryForEditor(writer, storyId))!.story;
  await saveStory(writer, storyId, contentOf(draft, { headline: 'مسودة للمحامي', body: paragraphsToDoc(['فقرة أولى.']) }));
});
afterAll(() => client.end());

const tokenOf = (url: string) => url.replace('/share/', '');

async function newLink(hours = 24) {
  const outcome = await createShareLink(editor, { storyId, hours });
  if (!outcome.ok) throw new Error(`no link: ${outcome.error}`);
  return tokenOf(outcome.data.url);
}

describe('share links', () => {
  it('open the live working copy of an unpublished story, signed out', async () => {
    const token = await newLink();
    expect((await openSharedStory(token))?.headline).toBe('مسودة للمحامي');
    // Live: a later save shows through the same link.
    const draft = (await getStoryForEditor(writer, storyId))!.story;
    await saveStory(writer, storyId, contentOf(draft, { headline: 'مسودة معدّلة للمحامي' }));
    expect((await openSharedStory(token))?.headline).toBe('مسودة معدّلة للمحامي');
  });

  it('are refused once revoked, and listed with their creator and state', async () => {
    const token = await newLink(1);
    const [row] = await db.select().from(shareLinks).where(eq(shareLinks.id, token.split('.')[0]!));
    expect((await revokeShareLink(editor, row!.id)).ok).toBe(true);
    expect(await openSharedStory(token)).toBeNull();
    // Revoking twice is refused rather than rewriting who revoked it.
    expect((await revokeShareLink(editor, row!.id)).ok).toBe(false);
    const listed = (await listShareLinks(editor, storyId)).find((link) => link.id === row!.id);
    expect(listed).toMatchObject({ active: false, url: null, createdByName: editor.displayName });
    expect(listed?.revokedAt).toBeInstanceOf(Date);
  });

  it('are refused once expired, and when tampered with', async () => {
    const token = await newLink();
    const [id, seconds, signature] = token.split('.') as [string, string, string];
    // A later expiry written into the token breaks its signature.
    expect(await openSharedStory(`${id}.${Number(seconds) + 86_400}.${signature}`)).toBeNull();
    expect(await openSharedStory(`${id}.${seconds}.${signature.slice(0, -2)}xx`)).toBeNull();
    expect(await openSharedStory('not-a-token')).toBeNull();
    // Well signed, and agreeing with its row, but past its time: refused. The same link a minute ahead opens.
    const signed = async (offsetMs: number) => {
      const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + offsetMs);
      const [link] = await db.insert(shareLinks).values({ storyId, expiresAt }).returning({ id: shareLinks.id });
      return signShareToken({ linkId: link!.id, expiresAt }, shareSecret());
    };
    expect(await openSharedStory(await signed(-1_000))).toBeNull();
    expect(await openSharedStory(await signed(60_000))).not.toBeNull();
  });

  it('are made and revoked by editors only, for at most 7 days', async () => {
    await expect(createShareLink(writer, { storyId, hours: 24 })).rejects.toBeInstanceOf(Forbidden);
    await expect(listShareLinks(writer, storyId)).rejects.toBeInstanceOf(Forbidden);
    await expect(revokeShareLink(writer, storyId)).rejects.toBeInstanceOf(Forbidden);
    expect(await createShareLink(editor, { storyId, hours: 24 * 8 })).toMatchObject({ ok: false });
    expect(await createShareLink(editor, { storyId: '00000000-0000-0000-0000-000000000000', hours: 24 })).toEqual({ ok: false, error: 'errors.notFound' });
  });
});
