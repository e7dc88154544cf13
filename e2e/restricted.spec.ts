import { expect, test } from './fixtures';
import { draftStory, uniqueHeadline } from './data';
import { newClient, storageStateOf } from './session';

// A restricted story (an investigation) is, to a writer who is not its
// author, exactly a story that does not exist: in the list, the search, a
// guessed URL, the preview and the comments. Its desk's editor still works on it.

test('a restricted story answers 404 to a writer who is not its author, everywhere; its author and desk editor keep it', async ({ browser, request, expectAccessible }) => {
  test.setTimeout(150_000);
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  const writer = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const headline = uniqueHeadline('تحقيق في عقود البلدية');
  const storyUrl = await draftStory(editor, headline, 'وثائق تكشف عقودًا بلا مناقصة.');
  const id = storyUrl.split('/').at(-1) as string;
  const search = `/newsroom/stories?q=${encodeURIComponent(headline)}`;
  const guessed = [storyUrl, `${storyUrl}/history`, `/preview/${id}`];

  // Before: the writer finds it like any colleague's story.
  await writer.goto(search);
  await expect(writer.getByRole('link', { name: headline })).toBeVisible();
  for (const path of guessed) expect((await writer.request.get(path)).status(), path).toBe(200);

  // The editor restricts it.
  await editor.reload();
  const restriction = editor.getByTestId('restriction-panel');
  await restriction.getByRole('button', { name: 'تقييد القصة' }).click();
  await expect(restriction.getByTestId('restriction-state')).toHaveText(/^قصة مقيّدة/);
  await expectAccessible(editor);

  // The writer: not in the list, not in the search, and 404 at every address they might guess.
  await writer.goto('/newsroom/stories');
  await expect(writer.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(writer.getByRole('link', { name: headline })).toHaveCount(0);
  await writer.goto(search);
  await expect(writer.getByRole('link', { name: headline })).toHaveCount(0);
  for (const path of guessed) {
    const response = await writer.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain(headline);
  }
  const comments = await writer.request.get(`/api/stories/${id}/comments`);
  expect(comments.status()).toBe(404);
  expect(await comments.json()).toEqual({ error: 'errors.notFound' });
  // The same 404 as a story that never existed.
  const missing = await writer.request.get(`/api/stories/00000000-0000-4000-8000-000000000000/comments`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual(await comments.json());
  await writer.goto(storyUrl);
  await expectAccessible(writer);

  // Its desk's editor still opens it, previews it and reads its comments; anonymous readers never could.
  for (const path of guessed) expect((await editor.request.get(path)).status(), path).toBe(200);
  expect((await editor.request.get(`/api/stories/${id}/comments`)).status()).toBe(200);
  expect((await request.get(`/preview/${id}`, { maxRedirects: 0 })).status()).toBe(307);

  // Lifted, it is the newsroom's again.
  await restriction.getByRole('button', { name: 'رفع التقييد' }).click();
  await expect(restriction.getByTestId('restriction-state')).toHaveText(/^يفتح هذه القصة/);
  await writer.goto(search);
  await expect(writer.getByRole('link', { name: headline })).toBeVisible();
});
