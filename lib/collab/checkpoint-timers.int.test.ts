import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/actor';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, eventually, leave, typeIntoField } from '@/test/collab';
import { collabSuite, revisionsOf as revisionsOfStory } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';

// The server's own checkpoints, with the durations shortened through the
// server's options (production reads the same options, at two and five
// minutes): one when a person goes idle after typing, one at most every
// interval while anyone types, and no timer left once the document unloads.

const IDLE_MS = 700;
const INTERVAL_MS = 2000;
const { db, client } = connectTestDb();
const suite = collabSuite(db, () => client.end(), { idleCheckpointMs: IDLE_MS, intervalCheckpointMs: INTERVAL_MS });
const { join } = suite;
let writer: CurrentUser;
let editor: CurrentUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([createStaff(db, 'writer'), createStaff(db, 'editor')]);
});

const revisionsOf = (id: string) => revisionsOfStory(db, id);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('checkpoints the server takes by itself', () => {
  it('takes one when a person goes idle after typing, in their name, listing them', async () => {
    const id = await createStory(writer);
    const tab = await join(writer, id);
    typeIntoField(tab.doc, 'headline', 'ثم توقف');
    await acknowledged(tab);
    // Not before the idle time has passed.
    expect(await revisionsOf(id)).toEqual([]);
    const revisions = await eventually(() => revisionsOf(id), (rows) => rows.length > 0, IDLE_MS * 6);
    expect(revisions.map((r) => ({ kind: r.kind, authorId: r.authorId, contributorIds: r.contributorIds, headline: r.headline }))).toEqual([
      { kind: 'idle', authorId: writer.id, contributorIds: [writer.id], headline: 'ثم توقف' },
    ]);
  });

  it('takes one at most every interval while anyone keeps typing, and the idle one once they stop', async () => {
    const id = await createStory(writer);
    const mine = await join(writer, id);
    const theirs = await join(editor, id);
    // Two people typing in turn, never pausing as long as the idle time: only the interval fires meanwhile.
    const until = Date.now() + INTERVAL_MS * 1.6;
    for (let n = 0; Date.now() < until; n += 1) {
      typeIntoField(n % 2 === 0 ? mine.doc : theirs.doc, n % 2 === 0 ? 'headline' : 'standfirst', `${n} `);
      await sleep(150);
    }
    await Promise.all([acknowledged(mine), acknowledged(theirs)]);
    const during = await revisionsOf(id);
    expect(during.map((r) => r.kind)).toEqual(['interval']);
    expect(during[0]!.authorId).toBeNull();
    expect([...during[0]!.contributorIds].sort()).toEqual([writer.id, editor.id].sort());
    // They stop: each goes idle; what was typed since the interval is in one more checkpoint, not two.
    const after = await eventually(() => revisionsOf(id), (rows) => rows.length >= 2, IDLE_MS * 6);
    await sleep(IDLE_MS * 2);
    const final = await revisionsOf(id);
    expect(final.map((r) => r.kind)).toEqual(['interval', 'idle']);
    expect(after[1]!.contributorIds.length).toBeGreaterThan(0);
  });

  it('leaves no timer behind once everyone has left, and takes the idle checkpoint that was still due', async () => {
    const id = await createStory(writer);
    const tab = await join(writer, id);
    typeIntoField(tab.doc, 'kicker', 'وغادر');
    await acknowledged(tab);
    expect(suite.server().collab.checkpointTimers()).toBeGreaterThan(0);
    leave(tab);
    // Gone before the idle time: the document unloads and its checkpoint is taken then.
    const revisions = await eventually(() => revisionsOf(id), (rows) => rows.length > 0, IDLE_MS * 6);
    expect(revisions.map((r) => [r.kind, r.kicker])).toEqual([['idle', 'وغادر']]);
    expect(await eventually(() => suite.server().collab.checkpointTimers(), (count) => count === 0)).toBe(0);
  });
});
