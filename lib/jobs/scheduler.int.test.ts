import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stories, workflowEvents } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { saveStory } from '@/lib/stories/save';
import { scheduleStory, transition, unscheduleStory } from '@/lib/stories/transitions';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { startJobRunner } from './runner';

const { db, client } = connectTestDb();
const url = inject('databaseUrl');
let writer: CurrentUser;
let editor: CurrentUser;
let sectionId: string;

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  sectionId = await db.transaction((tx) => ensureSection(tx, 'scheduled-desk', 'مجدول'));
});
afterAll(() => client.end());

// Bare stories: approve and schedule acknowledge the checklist's warnings, as the panel's checkbox does.
async function approvedStory(label: string): Promise<string> {
  const id = await createStory(writer);
  const story = (await getStoryForEditor(writer, id))!.story;
  await saveStory(writer, id, contentOf(story, { headline: label, slug: `${label}-${id.slice(0, 8)}`, sectionId, body: paragraphsToDoc(['نص مجدول']) }));
  await transition(writer, id, { action: 'submit' });
  await transition(editor, id, { action: 'approve', expectedVersion: (await getStoryForEditor(editor, id))!.story.version, acknowledge: true });
  return id;
}

const publishes = async (id: string) => db.select().from(workflowEvents).where(and(eq(workflowEvents.storyId, id), eq(workflowEvents.action, 'publish')));
const inSeconds = (s: number) => new Date(Date.now() + s * 1_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForPublish(id: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await publishes(id)).length > 0) return;
    await sleep(250);
  }
  throw new Error(`story ${id} was not published within ${timeoutMs} ms`);
}

describe('scheduled publication', () => {
  it('refuses a time in the past, and schedules only an approved revision', async () => {
    const id = await approvedStory('ماض');
    expect(await scheduleStory(editor, id, new Date(Date.now() - 60_000))).toMatchObject({ ok: false, error: 'errors.workflow.pastTime' });
    const draft = await createStory(writer);
    expect(await scheduleStory(editor, draft, inSeconds(60), { acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.nothingApproved' });
    expect(await scheduleStory(writer, id, inSeconds(60), { acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.role' });
  });

  it('publishes exactly once at its time, with no request, and hands over the cache tags to expire', async () => {
    const id = await approvedStory('في-موعده');
    expect((await scheduleStory(editor, id, inSeconds(1.5), { acknowledge: true })).ok).toBe(true);
    const expired: string[][] = [];
    const runner = await startJobRunner(url, async (tags) => void expired.push(tags));
    try {
      await waitForPublish(id);
      await sleep(1_500);
      expect(await publishes(id)).toHaveLength(1);
      expect(expired.flat()).toEqual(expect.arrayContaining([`story:${id}`, 'latest', 'section:scheduled-desk']));
      const [row] = await db.select().from(stories).where(eq(stories.id, id));
      expect(row).toMatchObject({ publicationState: 'published', scheduledFor: null, scheduledRevisionId: null, publishedRevisionId: row?.approvedRevisionId });
    } finally {
      await runner.stop();
    }
  });

  it('catches up a time missed while no runner was up, once, after a restart', async () => {
    const id = await approvedStory('فائت');
    await scheduleStory(editor, id, inSeconds(1), { acknowledge: true });
    await sleep(2_000);
    expect(await publishes(id)).toHaveLength(0);
    const runner = await startJobRunner(url, async () => {});
    try {
      await waitForPublish(id, 10_000);
      await sleep(1_000);
      expect(await publishes(id)).toHaveLength(1);
    } finally {
      await runner.stop();
    }
  });

  it('publishes once with two runners at once (two app instances)', async () => {
    const id = await approvedStory('مثيلان');
    await scheduleStory(editor, id, inSeconds(1), { acknowledge: true });
    const runners = await Promise.all([startJobRunner(url, async () => {}), startJobRunner(url, async () => {})]);
    try {
      await waitForPublish(id);
      await sleep(2_000);
      expect(await publishes(id)).toHaveLength(1);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
  });

  it('does nothing once unscheduled', async () => {
    const id = await approvedStory('ملغى');
    await scheduleStory(editor, id, inSeconds(1), { acknowledge: true });
    expect((await unscheduleStory(editor, id)).ok).toBe(true);
    const runner = await startJobRunner(url, async () => {});
    try {
      await sleep(3_000);
      expect(await publishes(id)).toHaveLength(0);
    } finally {
      await runner.stop();
    }
  });
});
