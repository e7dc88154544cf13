import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStories } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import { bodyHtmlVersion } from '@/lib/content/body-html';
import { connectTestDb } from '@/test/db';
import { insertPublished } from '@/test/published';
import { refreshStoredBodies } from './stored-bodies';

const { db, client } = connectTestDb();
let storyId: string;
const RENDERED = '<p dir="rtl">نص &lt;قديم&gt; &amp; &quot;مقتبس&quot;</p>';

beforeAll(async () => {
  const sectionId = await db.transaction((tx) => ensureSection(tx, 'stored-bodies', 'أجسام'));
  // Written straight into the projection, as rows from before the column were: no stored HTML.
  storyId = await insertPublished(db, { headline: 'جسم مخزن', paragraphs: ['نص <قديم> & "مقتبس"'], sectionId });
});
afterAll(() => client.end());

const storedOf = async () => (await db.select({ html: publishedStories.bodyHtml, version: publishedStories.bodyHtmlVersion }).from(publishedStories).where(eq(publishedStories.storyId, storyId)))[0];

describe('refreshStoredBodies', () => {
  it('renders the body of a row stored without HTML, escaped, by the current renderer', async () => {
    expect(await storedOf()).toEqual({ html: null, version: null });
    expect(await refreshStoredBodies(db)).toBeGreaterThanOrEqual(1);
    expect(await storedOf()).toEqual({ html: RENDERED, version: bodyHtmlVersion() });
  });

  it('renders again what another version of the renderer stored, and nothing once all are current', async () => {
    await db.update(publishedStories).set({ bodyHtml: '<p>stale</p>', bodyHtmlVersion: 'another' }).where(eq(publishedStories.storyId, storyId));
    await refreshStoredBodies(db);
    expect(await storedOf()).toEqual({ html: RENDERED, version: bodyHtmlVersion() });
    expect(await refreshStoredBodies(db)).toBe(0);
  });
});
