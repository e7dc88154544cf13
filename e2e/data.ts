import { eq } from 'drizzle-orm';
import { expect, type Page } from '@playwright/test';
import type { Database } from '@/db/index';
import { deskMembers, sections, stories } from '@/db/schema';
import { ensureSection, ensureTag, insertPublishedStory } from '@/db/seed';
import { publishRevision } from '@/lib/stories/publication';
import { snapshotRevision } from '@/lib/stories/revisions';
import { slugify } from '@/lib/slug';

// Data that specs create for themselves, so parallel specs never share rows.

export function uniqueHeadline(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function createPublishedStory(db: Database, headline: string, paragraphs: string[] = ['فقرة أولى للاختبار.'], tagNames: string[] = []) {
  const slug = slugify(headline);
  const id = await db.transaction(async (tx) => {
    const sectionId = await ensureSection(tx, 'technology', 'تكنولوجيا');
    const tagIds = [];
    for (const name of tagNames) tagIds.push(await ensureTag(tx, name));
    return insertPublishedStory(tx, { kicker: '', headline, paragraphs, slug, sectionId, authorIds: [], tagIds });
  });
  return { id, slug };
}

/**
 * Puts a staff member made by a spec on the desk that owns a section, as an
 * admin would. A section no desk owns («تكنولوجيا» on a fresh install) is the
 * general desk's, which every editor works already.
 */
export async function joinDeskOf(db: Database, userId: string, sectionSlug = 'technology') {
  const [section] = await db.select({ deskId: sections.deskId }).from(sections).where(eq(sections.slug, sectionSlug));
  if (section?.deskId) await db.insert(deskMembers).values({ deskId: section.deskId, userId }).onConflictDoNothing();
}

/** Changes the slug and publishes the change, as an editor's rename will. */
export async function renameAndPublish(db: Database, storyId: string, newSlug: string) {
  await db.transaction(async (tx) => {
    await tx.update(stories).set({ slug: newSlug }).where(eq(stories.id, storyId));
    const revisionId = await snapshotRevision(tx, { storyId, kind: 'approval', authorId: null });
    await publishRevision(tx, { storyId, revisionId, at: new Date() });
  });
}

/**
 * Waits until everything typed in this editor tab is on the server and in the
 * stored working copy (what the workflow, preview and other pages read), and
 * its metadata saved. The text is a shared document stored by the server a
 * second or so after typing pauses (docs/co-editing.md).
 */
export async function editorSettled(page: Page): Promise<void> {
  await expect(page.locator('[data-collab-status="connected"][data-collab-stored="true"][data-meta-status="saved"]')).toBeVisible({ timeout: 15_000 });
}

/** A new story drafted in the editor (headline, the technology section, one line of text) and stored; returns its editor path. */
export async function draftStory(page: Page, headline: string, text: string): Promise<string> {
  await page.goto('/newsroom/stories');
  await page.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(page).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(page.url()).pathname;
  await page.getByLabel('العنوان', { exact: true }).fill(headline);
  await page.getByLabel('القسم').selectOption({ label: 'تكنولوجيا' });
  await page.getByRole('textbox', { name: 'نص القصة' }).click();
  await page.keyboard.type(text);
  await editorSettled(page);
  return storyUrl;
}

/**
 * Opens the seed story as a reader finds it: the search box on the home page.
 * The suite publishes dozens of stories, so the seed soon leaves the home
 * page's lists; the search for its headline ranks it first.
 */
export async function openSeedStoryFromHome(page: Page, headline: string): Promise<void> {
  await page.goto('/');
  const search = page.getByRole('search').first().getByRole('searchbox');
  await search.fill(headline);
  await search.press('Enter');
  await page.getByRole('link', { name: headline }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
}
