import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/actor';
import { takeCheckpoint } from '@/lib/stories/checkpoints';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, eventually, startCollab, tabsOf, typeIntoField } from '@/test/collab';
import { pendingContributorsOf, revisionsOf as revisionsOfStory } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';

// Two app instances on one Redis, each timing the checkpoints of its own
// clients: a story typed into on both gets one checkpoint listing both
// typists, not one per instance, and nobody is lost or counted twice.

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const IDLE_MS = 1500;
const { db, client } = connectTestDb();
let one: Awaited<ReturnType<typeof startCollab>>;
let two: Awaited<ReturnType<typeof startCollab>>;
let writer: CurrentUser;
let editor: CurrentUser;
const tabs = tabsOf(db);

beforeAll(async () => {
  one = await startCollab(db, { redisUrl: REDIS_URL, idleCheckpointMs: IDLE_MS });
  two = await startCollab(db, { redisUrl: REDIS_URL, idleCheckpointMs: IDLE_MS });
  [writer, editor] = await Promise.all([createStaff(db, 'writer'), createStaff(db, 'editor')]);
});
afterAll(async () => {
  tabs.leaveAll();
  await Promise.all([one.close(), two.close()]);
  await client.end();
});

const revisionsOf = (id: string) => revisionsOfStory(db, id);
const pendingOf = (id: string) => pendingContributorsOf(db, id);

/** A new story, the writer typing `mine` into the headline on instance one and the editor `theirs` into `field` on two, both acknowledged. */
async function typedOnBoth(mine: string, field: string, theirs: string) {
  const id = await createStory(writer);
  const onOne = await tabs.join(one.url, writer, id);
  const onTwo = await tabs.join(two.url, editor, id);
  typeIntoField(onOne.doc, 'headline', mine);
  typeIntoField(onTwo.doc, field, theirs);
  await Promise.all([acknowledged(onOne), acknowledged(onTwo)]);
  return id;
}

describe('checkpoints on two instances', () => {
  it('both go idle at once: one checkpoint, listing each typist once', async () => {
    const id = await typedOnBoth('من الأول', 'standfirst', 'من الثاني');
    await eventually(() => revisionsOf(id), (rows) => rows.length > 0, IDLE_MS * 5);
    // Both idle timers have fired, on both instances, by now.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 1.5));
    const revisions = await revisionsOf(id);
    expect(revisions.map((r) => r.kind)).toEqual(['idle']);
    expect([...revisions[0]!.contributorIds].sort()).toEqual([writer.id, editor.id].sort());
    expect(revisions[0]).toMatchObject({ headline: 'من الأول', standfirst: 'من الثاني' });
    expect(await pendingOf(id)).toEqual([]);
  });

  it('two checkpoints asked at the same moment write one', async () => {
    const id = await typedOnBoth('معًا', 'kicker', 'في اللحظة نفسها');
    const take = () => db.transaction((tx) => takeCheckpoint(tx, { storyId: id, kind: 'checkpoint', actorId: writer.id }));
    const taken = (await Promise.all([take(), take()])).filter((revisionId) => revisionId !== null);
    expect(taken).toHaveLength(1);
    const [revision] = await revisionsOf(id);
    expect([...revision!.contributorIds].sort()).toEqual([writer.id, editor.id].sort());
    expect(await pendingOf(id)).toEqual([]);
  });
});
