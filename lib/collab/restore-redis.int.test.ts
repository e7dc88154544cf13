import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, eventually, fieldText } from '@/test/collab';
import { redisPairSuite } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { documentNameOf } from './fields';
import { isEmptyUpdate } from './messages';
import { appendUpdate } from './storage';
import { writeStoryText } from './write-text';

// A restore on one instance while a colleague types on another (through
// Redis), with the colleague's keystrokes arriving between the moment the
// restore reads the document and the moment its change is applied: the
// restore takes out only what it read, and every word typed after that
// moment is kept, live and stored.

const { db, client } = connectTestDb();
const { one, two, tabs } = redisPairSuite(db, () => client.end());
let writer: CurrentUser;
let editor: CurrentUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([createStaff(db, 'writer'), createStaff(db, 'editor')]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The text of the body's first paragraph, where the colleague types (a field would soon pass its length limit). */
function firstParagraph(doc: Y.Doc): string {
  const paragraph = doc.getXmlFragment('body').get(0) as Y.XmlElement;
  return paragraph.toArray().map((child) => (child as Y.XmlText).toString()).join('');
}
function typeIntoFirstParagraph(doc: Y.Doc, text: string): void {
  const run = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  run.insert(run.length, text);
}

describe('a restore on one instance while a colleague types on another', () => {
  it('keeps every word typed after the restore read the document', async () => {
    const id = await createStory(writer);
    await db.update(stories).set({ headline: 'قبل', body: paragraphsToDoc(['فقرة: ']) }).where(eq(stories.id, id));
    const typist = await tabs.join(two().url, editor, id);
    let n = 0;
    let typing = true;
    const typed: string[] = [];
    const typingDone = (async () => {
      while (typing) {
        const sentence = `جملة ${++n}. `;
        typed.push(sentence);
        typeIntoFirstParagraph(typist.doc, sentence);
        await sleep(15);
      }
    })();
    await sleep(300);
    let readAt = -1;
    // What applyStoryText does on the instance it runs in (the registry's `change`), with a pause between reading
    // the document and applying the change, in which the colleague's keystrokes arrive (through Redis).
    const outcome = await one().collab.live.change(documentNameOf(id), async (state) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state);
      readAt = firstParagraph(copy).split('. ').length - 1;
      // The revision: another headline, and the body's paragraph as it was before the colleague typed.
      const update = writeStoryText(copy, { headline: 'النسخة المستعادة', standfirst: '', body: paragraphsToDoc(['فقرة: ']), kicker: '', subheadline: '', seoTitle: '', seoDescription: '' });
      copy.destroy();
      await sleep(400);
      if (isEmptyUpdate(update)) return null;
      await appendUpdate(db, id, update, writer.id);
      return update;
    });
    expect(outcome).toBe('live');
    await eventually(() => fieldText(typist.doc, 'headline'), (text) => text === 'النسخة المستعادة', 5000);
    await sleep(300);
    typing = false;
    await typingDone;
    await acknowledged(typist);
    const expected = `فقرة: ${typed.slice(readAt).join('')}`;
    expect(readAt).toBeGreaterThan(0);
    expect(readAt).toBeLessThan(typed.length - 20);
    expect(firstParagraph(typist.doc)).toBe(expected);
    const row = await eventually(async () => (await db.select().from(stories).where(eq(stories.id, id)))[0]!, (story) => toPlainText(story.body) === expected, 10_000);
    expect(row.headline).toBe('النسخة المستعادة');
    expect(toPlainText(row.body)).toBe(expected);
  }, 30_000);
});
