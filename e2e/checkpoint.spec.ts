import { eq } from 'drizzle-orm';
import { request as playwrightRequest } from '@playwright/test';
import { storyRevisions } from '@/db/schema';
import { createPublishedStory, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { storageStateOf, uniqueIp } from './session';

// Ctrl+S over HTTP (POST /api/stories/{id}/checkpoint), beside the matrix's
// row: a bad id or body is refused with 4xx, someone who may only read the
// story finds nothing, an editor gets one checkpoint and no duplicate.

const EMPTY_DOCUMENT = 'AA==';

test('Ctrl+S takes one checkpoint for an editor, and refuses a bad id, a bad body and a reader', async ({ db, baseURL }) => {
  const { id } = await createPublishedStory(db, uniqueHeadline('خبر للحفظ اليدوي'));
  const as = (role: 'writer' | 'editor') => playwrightRequest.newContext({ baseURL, storageState: storageStateOf(role), extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const editor = await as('editor');
  const writer = await as('writer');
  try {
    const post = (who: typeof editor, path: string, data: unknown) => who.post(path, { data, maxRedirects: 0 });
    expect((await post(editor, '/api/stories/not-a-uuid/checkpoint', { stateVector: EMPTY_DOCUMENT })).status()).toBe(404);
    expect((await post(editor, `/api/stories/${id}/checkpoint`, { stateVector: 'not base64!' })).status()).toBe(422);
    // A writer may open this story (nobody's own, published) but only read it: not theirs to checkpoint.
    expect((await post(writer, `/api/stories/${id}/checkpoint`, { stateVector: EMPTY_DOCUMENT })).status()).toBe(404);

    const before = await db.select({ id: storyRevisions.id }).from(storyRevisions).where(eq(storyRevisions.storyId, id));
    const first = await post(editor, `/api/stories/${id}/checkpoint`, { stateVector: EMPTY_DOCUMENT });
    expect(first.status()).toBe(200);
    // The published revision already holds the story as it is: nothing new to keep.
    expect(await first.json()).toEqual({ status: 'unchanged' });
    expect(await db.select({ id: storyRevisions.id }).from(storyRevisions).where(eq(storyRevisions.storyId, id))).toHaveLength(before.length);
  } finally {
    await Promise.all([editor.dispose(), writer.dispose()]);
  }
});
