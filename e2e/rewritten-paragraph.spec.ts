import { expect, test, type Page } from '@playwright/test';
import { draftStory, uniqueHeadline } from './data';
import { cuttableClient, newClient, storageStateOf } from './session';
import { caretAtEndOf, statusBecomes, storyBody } from './typists';

// The desk makes a subheading of the paragraph a writer is still typing, before
// the writer's last letters reach it (here the writer is offline meanwhile, so
// that the keys cross for sure). The binding writes a subheading as the
// paragraph deleted and written again, and Yjs took the writer's letters with
// it; the server now writes them back into the subheading
// (lib/collab/unseen-letters.ts, docs/co-editing.md). The writer's tab sends
// what it typed before it takes in the subheading (lib/collab/own-changes-first.ts):
// taken in first, it would delete those letters on the writer's own screen.

const START = 'وزير المالية يستقيل';
const TYPED = ' بعد جلسة طارئة';
type EditorDoc = { state: { doc: { child: (at: number) => { type: { name: string }; textContent: string } } } };
const firstBlock = (page: Page) =>
  storyBody(page).evaluate((body) => {
    const block = (body as HTMLElement & { editor: EditorDoc }).editor.state.doc.child(0);
    return `${block.type.name}: ${block.textContent}`;
  });

test('letters typed into a paragraph the desk makes a subheading meanwhile are kept, in the subheading', async ({ browser }) => {
  const writing = await cuttableClient(browser, 'writer');
  const writer = await writing.context.newPage();
  const url = await draftStory(writer, uniqueHeadline('عنوان فرعي'), START);
  const desk = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  await desk.goto(url);
  for (const page of [writer, desk]) {
    await statusBecomes(page, ['connected'], 30_000);
    await expect(storyBody(page)).toHaveAttribute('contenteditable', 'true');
    await caretAtEndOf(page, 0);
  }
  await writing.goOffline();
  await statusBecomes(writer, ['offline'], 10_000);
  await writer.keyboard.type(TYPED, { delay: 30 });
  await desk.keyboard.press('Control+Alt+2');
  await expect.poll(() => firstBlock(desk)).toBe(`heading: ${START}`);
  await statusBecomes(desk, ['connected'], 10_000);
  writing.goOnline();

  const expected = `heading: ${START}${TYPED}`;
  await expect.poll(() => firstBlock(writer), { timeout: 15_000 }).toBe(expected);
  await expect.poll(() => firstBlock(desk), { timeout: 15_000 }).toBe(expected);
  // Stored: a fresh page shows it too.
  await desk.reload();
  await statusBecomes(desk, ['connected'], 30_000);
  await expect.poll(() => firstBlock(desk), { timeout: 15_000 }).toBe(expected);
  await desk.context().close();
  await writing.context.close();
});
