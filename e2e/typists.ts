import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { createDb, type Database } from '@/db/index';
import { stories } from '@/db/schema';
import { toPlainText } from '@/lib/content/document';
import { deriveStoryText } from '@/lib/collab/codec';
import { loadDocumentState } from '@/lib/collab/storage';
import type { CollabStatus } from '@/lib/collab/status';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { e2eHandoffFile } from '@/test/e2e-handoff';

// People typing into one shared story, for the co-editing specs
// (docs/co-editing.md): each types numbered sentences at the end of a
// paragraph of their own, and the story stored in Postgres must end up with
// every one of them, in order, in that paragraph.

export const storyBody = (page: Page) => page.getByRole('textbox', { name: 'نص القصة' });
export const collabStatus = (page: Page) => page.locator('[data-collab-status]');
export type CollabStatusKind = CollabStatus['kind'];

/** Waits until the page's status is one of `kinds`. */
export async function statusBecomes(page: Page, kinds: CollabStatusKind[], timeout: number): Promise<void> {
  await expect(collabStatus(page)).toHaveAttribute('data-collab-status', new RegExp(`^(${kinds.join('|')})$`), { timeout });
}

/** The status shown now, without waiting for it to appear. */
export const statusNow = (page: Page) => collabStatus(page).getAttribute('data-collab-status', { timeout: 1_000 }).catch(() => 'none');

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const arabicNumber = (n: number) => String(n).replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)] as string);
const westernNumber = (text: string) => Number(text.replace(/[٠-٩]/g, (d) => String(ARABIC_DIGITS.indexOf(d))));

export type Typist = {
  page: Page;
  /** Who types, in the sentences (كاتب, محرر, …). */
  label: string;
  /** The top-level block of the body that is theirs (0-based). */
  paragraph: number;
  /** Every sentence whose last key was pressed, in order. */
  typed: string[];
};

export const sentence = (label: string, n: number) => `${label} ${arabicNumber(n)}: خبر عاجل. `;
const sentencePattern = (label: string) => new RegExp(`${label} ([٠-٩]+): خبر عاجل\\.`, 'g');

/**
 * The caret at the end of the typist's paragraph, set in the editor's own state (Tiptap puts the editor on its
 * element): a DOM selection is taken by ProseMirror only a task later, and a remote change arriving meanwhile put
 * the caret back where ProseMirror had it, so sentences landed in the first paragraph.
 * Focus first, through ProseMirror's view, which focuses at once: Tiptap's focus command waits for the next frame,
 * and keys typed before it lands go nowhere (a suspect for the first sentence CI lost on 2026-12-07,
 * docs/co-editing.md). A body that does not hold the focus fails here, not as a lost sentence later.
 */
export async function caretAtEndOf(page: Page, paragraph: number): Promise<void> {
  await storyBody(page).evaluate((body, index) => {
    type Node = { nodeSize: number; childCount: number; child: (at: number) => Node };
    type Editor = { state: { doc: Node }; view: { focus: () => void; hasFocus: () => boolean }; commands: { setTextSelection: (at: number) => boolean } };
    const editor = (body as HTMLElement & { editor?: Editor }).editor;
    if (!editor) throw new Error('no editor on the story body');
    const doc = editor.state.doc;
    if (index >= doc.childCount) throw new Error(`the body has no block ${index}`);
    let end = 0;
    for (let at = 0; at <= index; at += 1) end += doc.child(at).nodeSize;
    editor.view.focus();
    editor.commands.setTextSelection(end - 1);
    if (!editor.view.hasFocus()) throw new Error(`the story body does not hold the focus (${document.activeElement?.tagName ?? 'nothing'} does)`);
  }, paragraph);
}

/** Types numbered sentences, key by key, until `keepGoing` says stop (checked between sentences). */
export async function typeUntil(typist: Typist, keepGoing: () => boolean): Promise<void> {
  while (keepGoing()) {
    const text = sentence(typist.label, typist.typed.length + 1);
    await caretAtEndOf(typist.page, typist.paragraph);
    await typist.page.keyboard.type(text, { delay: 15 });
    typist.typed.push(text);
  }
}

/** The text of each top-level block of a stored body. */
export function blockTexts(body: JSONContent): string[] {
  return (body.content ?? []).map((block) => toPlainText({ type: 'doc', content: [block] }));
}

/** What is wrong with the stored blocks for one typist: each lost sentence named, and any out of order or elsewhere. */
export function problemsOf(typist: Typist, blocks: string[]): string[] {
  const own = blocks[typist.paragraph] ?? '';
  const found = [...own.matchAll(sentencePattern(typist.label))].map((match) => westernNumber(match[1] as string));
  const problems: string[] = [];
  const present = new Set(found);
  typist.typed.forEach((text, i) => {
    if (present.has(i + 1)) return;
    const elsewhere = blocks.findIndex((block, at) => at !== typist.paragraph && block.includes(text.trim()));
    problems.push(elsewhere >= 0 ? `«${text.trim()}» is in block ${elsewhere}, not ${typist.paragraph}` : `lost: «${text.trim()}»`);
  });
  const expected = [...found].sort((a, b) => a - b);
  if (found.join() !== expected.join()) problems.push(`${typist.label}: out of order: ${found.join(', ')}`);
  if (new Set(found).size !== found.length) problems.push(`${typist.label}: a sentence twice: ${found.join(', ')}`);
  return problems;
}

/** Sentences the page itself does not show: keys that never reached the document (not the server's fault). */
export async function missingOnThePage(typist: Typist): Promise<string[]> {
  const shown = await storyBody(typist.page).innerText();
  return typist.typed.filter((text) => !shown.includes(text.trim()));
}

/** Polls the stored working copy until every typist's sentences are there, in order; fails naming each lost sentence. */
export async function expectEverySentenceStored(db: Database, storyId: string, typists: Typist[], timeout: number): Promise<void> {
  let problems: string[] = [];
  const until = Date.now() + timeout;
  for (;;) {
    const [row] = await db.select({ body: stories.body }).from(stories).where(eq(stories.id, storyId));
    const blocks = blockTexts(row?.body as JSONContent);
    problems = typists.flatMap((typist) => problemsOf(typist, blocks));
    if (problems.length === 0 || Date.now() > until) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (problems.length > 0) {
    // Where the words went: still in the stored document (snapshot plus log), so only the working copy lags, or never stored at all.
    const state = await loadDocumentState(db, storyId);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    const derived = deriveStoryText(doc);
    const logged = derived.ok ? blockTexts(derived.text.body) : [];
    const stillLost = typists.flatMap((typist) => problemsOf(typist, logged));
    problems.push(derived.ok ? `in the stored Yjs document (snapshot + log), ${stillLost.length} of these: ${stillLost.join(' | ') || 'none, so only the working copy lags'}` : `the stored Yjs document fails the schema: ${JSON.stringify(derived.problems.slice(0, 3))}`);
  }
  const notOnPages = (await Promise.all(typists.map(async (typist) => (await missingOnThePage(typist)).map((text) => `${typist.label}: not even on its page: «${text.trim()}»`)))).flat();
  const typed = typists.map((typist) => `${typist.label} ${typist.typed.length}`).join(', ');
  expect(problems, `sentences typed (${typed}) missing from the stored story:\n${[...problems, ...notOnPages].join('\n')}`).toEqual([]);
}

/** A database of its own on the e2e server's database server, for instances the spec starts itself. */
export async function databaseOfItsOwn(prefix: string): Promise<{ url: string; db: Database; drop: () => Promise<void> }> {
  const { url: e2eUrl } = JSON.parse(readFileSync(e2eHandoffFile(process.env.E2E_DB_NAME as string), 'utf8')) as { url: string };
  const admin = new URL(e2eUrl);
  admin.pathname = '/postgres';
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(admin.toString(), name);
  const { db, client } = createDb(url, { max: 2 });
  return {
    url,
    db,
    drop: async () => {
      await client.end({ timeout: 1 });
      await dropDatabase(admin.toString(), name).catch(() => {});
    },
  };
}
