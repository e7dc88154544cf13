// @vitest-environment happy-dom
import { eq } from 'drizzle-orm';
import type { Editor } from '@tiptap/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, eventually, goOffline, goOnline, type TestClient } from '@/test/collab';
import { redisPairSuite } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { caretAt, editorOn, leaveAll } from '@/test/editors';
import { documentNameOf } from './fields';
import { syncStateMessage } from './messages';

import { createStaff } from '@/test/staff';

// Letters typed into a paragraph that a colleague, not having received them,
// turns into a subheading (unseen-letters.ts), through the real server: real
// sockets, the update log in Postgres, and two instances on one Redis. Each
// person types in a Tiptap editor on their tab's document, so the rewrite is
// the binding's own.

const { db, client } = connectTestDb();
const { one, two, tabs } = redisPairSuite(db, () => client.end(), { storeDebounceMs: 200 });
let writer: CurrentUser;
let editor: CurrentUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([createStaff(db, 'writer'), createStaff(db, 'editor')]);
});
afterEach(leaveAll);

async function storyOfThreeParagraphs(): Promise<string> {
  const id = await createStory(writer);
  await db.update(stories).set({ body: paragraphsToDoc(['first.', 'second.', 'third.']) }).where(eq(stories.id, id));
  return id;
}

const blocks = (on: Editor) => {
  const texts: string[] = [];
  on.state.doc.forEach((block) => texts.push(`${block.type.name}:${block.textContent}`));
  return texts.join(' | ');
};
const storedBody = async (id: string) => JSON.stringify((await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id)))[0]!.body);
const EXPECTED = 'paragraph:first. | heading:second.XYZ | paragraph:third.';


/** The editor makes the second paragraph a subheading while the writer, not having received it, types XYZ at its end. */
async function crossing(writing: TestClient, editing: TestClient, offline: 'writer' | 'editor') {
  const typist = editorOn(writing.doc);
  const desk = editorOn(editing.doc);
  await goOffline(offline === 'writer' ? writing : editing);
  const [first, second] = offline === 'writer' ? [typist, desk] : [desk, typist];
  // Whoever is offline acts first; the other's change is acknowledged before the first comes back.
  for (const [person, online] of [[first, offline === 'writer' ? writing : editing], [second, offline === 'writer' ? editing : writing]] as const) {
    if (person === typist) {
      caretAt(typist, 1, 'second.'.length);
      typist.commands.insertContent('XYZ');
    } else {
      caretAt(desk, 1, 0);
      desk.commands.setNode('heading', { level: 2 });
    }
    if (online !== (offline === 'writer' ? writing : editing)) await acknowledged(online);
  }
  await goOnline(offline === 'writer' ? writing : editing);
  await acknowledged(writing);
  await acknowledged(editing);
  return { typist, desk };
}

describe('letters a colleague never saw, through the server', () => {
  it('on one instance: typed offline into a paragraph made a subheading meanwhile, they come back, once', async () => {
    const id = await storyOfThreeParagraphs();
    const writing = await tabs.join(one().url, writer, id);
    const editing = await tabs.join(one().url, editor, id);
    const { typist, desk } = await crossing(writing, editing, 'writer');
    expect(await eventually(() => blocks(desk), (text) => text === EXPECTED, 8000)).toBe(EXPECTED);
    expect(await eventually(() => blocks(typist), (text) => text === EXPECTED, 8000)).toBe(EXPECTED);
    expect(await eventually(() => storedBody(id), (body) => body.includes('second.XYZ'), 8000)).toContain('"heading"');
  });

  it('a tab’s letters sent on reconnecting, then its state that deletes them, arriving together: they come back', async () => {
    const id = await storyOfThreeParagraphs();
    const writing = await tabs.join(one().url, writer, id);
    const editing = await tabs.join(one().url, editor, id);
    const typist = editorOn(writing.doc);
    const desk = editorOn(editing.doc);
    await goOffline(writing);
    caretAt(typist, 1, 'second.'.length);
    typist.commands.insertContent('XYZ');
    caretAt(desk, 1, 0);
    desk.commands.setNode('heading', { level: 2 });
    await acknowledged(editing);
    // What own-changes-first.ts sends as the socket opens, and then the tab's state once it has taken in the
    // subheading (its own letters deleted with the paragraph): both held by the server until the tab is
    // authenticated, then handled at once. The second must not be read before the first is applied.
    const sent = new Y.Doc();
    Y.applyUpdate(sent, Y.encodeStateAsUpdate(writing.doc));
    const letters = Y.encodeStateAsUpdate(writing.doc);
    Y.applyUpdate(sent, Y.encodeStateAsUpdate(editing.doc));
    const after = Y.encodeStateAsUpdate(sent);
    const socket = writing.provider.configuration.websocketProvider;
    writing.provider.on('open', function once() {
      writing.provider.off('open', once);
      for (const state of [letters, after]) socket.send(syncStateMessage(documentNameOf(id), state));
    });
    await goOnline(writing);
    expect(await eventually(() => blocks(desk), (text) => text === EXPECTED, 8000)).toBe(EXPECTED);
  });

  for (const [offline, typedOffline] of [['editor', 'the rewrite'], ['writer', 'the letters']] as const) {
    it(`on two instances, ${typedOffline} typed offline: they come back, once`, async () => {
      const id = await storyOfThreeParagraphs();
      const writing = await tabs.join(one().url, writer, id);
      const editing = await tabs.join(two().url, editor, id);
      const { typist, desk } = await crossing(writing, editing, offline);
      expect(await eventually(() => blocks(desk), (text) => text === EXPECTED, 8000)).toBe(EXPECTED);
      expect(await eventually(() => blocks(typist), (text) => text === EXPECTED, 8000)).toBe(EXPECTED);
      // Nothing written twice: a second copy would arrive within the relay's round trip.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect([blocks(desk), blocks(typist)]).toEqual([EXPECTED, EXPECTED]);
      expect(await eventually(() => storedBody(id), (body) => body.includes('second.XYZ'), 8000)).not.toContain('XYZXYZ');
    });
  }
});
