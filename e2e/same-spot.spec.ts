import { expect, test, type Page } from '@playwright/test';
import { draftStory, uniqueHeadline } from './data';
import { newClient, storageStateOf } from './session';
import { caretAtEndOf, statusBecomes, storyBody } from './typists';

// Two people typing at the end of one paragraph at once, at a person's pace,
// with real keys: neither loses a letter and each one's letters stay in the
// order typed. They may interleave (neither knew the other was there); with
// y-tiptap 3.3.0 as published, one person's came out in reverse order
// (patches/@tiptap+y-tiptap+3.3.0.patch, lib/collab/same-spot.test.ts).

test.use({ storageState: storageStateOf('writer') });

const START = 'بداية الخبر.';
// From the editor's own document: the page also shows the colleague's caret, which is no part of the text.
const firstParagraph = (page: Page) => storyBody(page).evaluate((body) => (body as HTMLElement & { editor: { state: { doc: { child: (at: number) => { textContent: string } } } } }).editor.state.doc.child(0).textContent);

test('two people typing at one spot keep every letter, each in the order typed', async ({ browser, page: writer }) => {
  const url = await draftStory(writer, uniqueHeadline('في موضع واحد'), START);
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  await editor.goto(url);
  const pages = [writer, editor];
  for (const page of pages) {
    await statusBecomes(page, ['connected'], 30_000);
    await expect(storyBody(page)).toHaveAttribute('contenteditable', 'true');
    await caretAtEndOf(page, 0);
  }
  // Each letter once, and none of one person's among the other's.
  const keys = ['ثجحخدذزسشصضطظعغف', 'ABCDEFGHIJKLMNOP'];
  await Promise.all(pages.map((page, n) => page.keyboard.type(keys[n] as string, { delay: 120 })));

  const typedLength = START.length + keys.join('').length;
  await expect.poll(async () => (await Promise.all(pages.map(firstParagraph))).map((text) => text.length), { timeout: 10_000 }).toEqual([typedLength, typedLength]);
  const [onWriter, onEditor] = await Promise.all(pages.map(firstParagraph));
  expect(onEditor).toBe(onWriter);
  const typed = (onWriter as string).slice(START.length);
  for (const own of keys) expect([...typed].filter((char) => own.includes(char)).join(''), `typed «${typed}»`).toBe(own);
  await editor.context().close();
});
