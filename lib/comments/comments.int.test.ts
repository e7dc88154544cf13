import { randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, reviewComments, stories, users, type TextQuoteAnchor } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/permissions';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden, type Outcome } from '@/lib/dal';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { saveStory } from '@/lib/stories/save';
import { transition } from '@/lib/stories/transitions';
import { connectTestDb } from '@/test/db';
import { asDeactivated, createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { createAnchor, docText } from './anchor';
import { addComment, deleteComment, EDIT_WINDOW_MS, editComment, listComments, setResolved, type CommentView } from './comments';

// Review comments against a real database: who may do what, what is stored
// (and what is not, when input is refused), who is notified, and that the
// story row itself never moves. The database is shared with the run's other
// integration files, so every assertion is scoped to this file's own stories,
// comments and users.

const { db, client } = connectTestDb();

let writer: CurrentUser; // creates the stories under review
let otherWriter: CurrentUser; // staff with no tie to those stories
let editor: CurrentUser;
let editorB: CurrentUser; // the second pair of eyes for approvals
let admin: CurrentUser;
let sectionId: string;

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  otherWriter = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  editorB = await createStaff(db, 'editor');
  admin = await createStaff(db, 'admin');
  sectionId = await db.transaction((tx) => ensureSection(tx, 'comments-desk', 'مكتب التعليقات'));
});
afterAll(() => client.end());

// ---------------------------------------------------------------------------
// Fixtures

const PARAGRAPHS = ['أعلنت الحكومة موازنة جديدة للعام المقبل', 'ويتوقع خبراء أن يرتفع العجز إلى خمسة في المئة'];

const draftOf = async (id: string) => (await getStoryForEditor(editor, id))!.story;

/** A draft by `owner` whose saved body holds `paragraphs`: what an inline comment may quote. */
async function storyWith(owner: CurrentUser, paragraphs: readonly string[] = PARAGRAPHS): Promise<string> {
  const id = await createStory(owner);
  const saved = await saveStory(owner, id, contentOf(await draftOf(id), { body: paragraphsToDoc(paragraphs) }));
  expect(saved?.status).toBe('saved');
  return id;
}

/** A complete draft by the writer, ready to submit. */
async function readyStory(label: string): Promise<string> {
  const id = await createStory(writer);
  const patch = { headline: `خبر ${label}`, slug: `تعليقات-${label}-${id.slice(0, 8)}`, sectionId, body: paragraphsToDoc(PARAGRAPHS) };
  expect((await saveStory(writer, id, contentOf(await draftOf(id), patch)))?.status).toBe('saved');
  return id;
}

/** The anchor the editor would compute for the first occurrence of `quote` in the text of `paragraphs`. */
function anchorOn(quote: string, paragraphs: readonly string[] = PARAGRAPHS): TextQuoteAnchor {
  const text = docText(paragraphsToDoc(paragraphs));
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`fixture quote not in text: ${quote}`);
  return createAnchor(text, start, start + quote.length);
}

/** The new comment's id; fails the test with the refusal when there is none. */
function idOf(outcome: Outcome<{ id: string }>): string {
  if (!outcome.ok) throw new Error(`comment refused: ${JSON.stringify(outcome)}`);
  return outcome.data.id;
}

async function rowOf(commentId: string) {
  const [row] = await db.select().from(reviewComments).where(eq(reviewComments.id, commentId));
  if (!row) throw new Error('comment row missing');
  return row;
}

const rowsOf = (storyId: string) => db.select().from(reviewComments).where(eq(reviewComments.storyId, storyId));

/** One story's thread as `actor` sees it; fails when the story is unknown. */
async function threadOf(actor: CurrentUser, storyId: string): Promise<CommentView[]> {
  const thread = await listComments(actor, storyId);
  if (!thread) throw new Error('story missing');
  return thread;
}

async function viewOf(actor: CurrentUser, storyId: string, commentId: string): Promise<CommentView> {
  const view = (await threadOf(actor, storyId)).find((c) => c.id === commentId);
  if (!view) throw new Error('comment missing from thread');
  return view;
}

/** Backdates a comment: lib/clock has no test hook, so time is moved by writing past timestamps. */
async function ageComment(commentId: string, ms: number) {
  await db
    .update(reviewComments)
    .set({ createdAt: new Date(Date.now() - ms) })
    .where(eq(reviewComments.id, commentId));
}

/** Recipients of the 'mentioned' notifications of a comment, one entry per row, so a duplicate shows. */
async function mentionedBy(commentId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.commentId, commentId), eq(notifications.kind, 'mentioned')));
  return rows.map((row) => row.userId).sort();
}

// Random Arabic letters keep display names unique in the shared database
// (db/seed.ts, for one, has a «ليلى حداد»), while still reading as Arabic names.
const ARABIC_LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهي';
const arabicTag = () => Array.from({ length: 5 }, () => ARABIC_LETTERS.charAt(randomInt(ARABIC_LETTERS.length))).join('');

/** A staff member with a chosen display name: mentions are found by name. */
async function namedStaff(role: Role, name: string): Promise<CurrentUser> {
  const actor = await createStaff(db, role);
  await db.update(users).set({ displayName: name }).where(eq(users.id, actor.id));
  return { ...actor, displayName: name };
}

const notFound = { ok: false, error: 'errors.notFound' };
const MINUTE = 60_000;

// ---------------------------------------------------------------------------

describe('who may comment', () => {
  it.each<[Role, () => CurrentUser]>([
    ['writer', () => otherWriter],
    ['editor', () => editor],
    ['admin', () => admin],
  ])('any active %s may add a thread comment and an inline comment to someone else’s story', async (_role, actorOf) => {
    const actor = actorOf();
    const storyId = await storyWith(writer);
    const threadId = idOf(await addComment(actor, { storyId, body: 'ملاحظة عامة' }));
    const anchor = anchorOn('موازنة جديدة');
    const inlineId = idOf(await addComment(actor, { storyId, body: 'أي موازنة؟', anchor }));

    expect(await rowOf(threadId)).toMatchObject({ storyId, authorId: actor.id, body: 'ملاحظة عامة', anchor: null, parentId: null, system: false });
    expect(await rowOf(inlineId)).toMatchObject({ storyId, authorId: actor.id, body: 'أي موازنة؟', anchor, parentId: null, system: false });
    // As a set: two comments written within one millisecond have no defined order.
    const views = (await threadOf(actor, storyId)).map((c) => [c.id, c.authorName, c.anchor]);
    expect(views).toHaveLength(2);
    expect(views).toEqual(expect.arrayContaining([[threadId, actor.displayName, null], [inlineId, actor.displayName, anchor]]));
  });

  it('refuses a deactivated user and a missing actor on every action, changing nothing', async () => {
    const storyId = await storyWith(writer);
    const commentId = idOf(await addComment(writer, { storyId, body: 'قبل التعطيل', anchor: anchorOn('العجز') }));
    const before = await rowOf(commentId);

    // A deactivated editor would otherwise hold comments:moderate, so it is the sharper case for delete.
    for (const actor of [null, asDeactivated(writer), asDeactivated(editor)]) {
      await expect(addComment(actor, { storyId, body: 'ممنوع' })).rejects.toBeInstanceOf(Forbidden);
      await expect(editComment(actor, { commentId, body: 'ممنوع' })).rejects.toBeInstanceOf(Forbidden);
      await expect(deleteComment(actor, commentId)).rejects.toBeInstanceOf(Forbidden);
      await expect(setResolved(actor, commentId, true)).rejects.toBeInstanceOf(Forbidden);
      await expect(listComments(actor, storyId)).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await rowsOf(storyId)).toEqual([before]);
  });

  it('answers not found for a story that does not exist', async () => {
    const missing = randomUUID();
    expect(await addComment(writer, { storyId: missing, body: 'إلى أين؟' })).toEqual(notFound);
    expect(await listComments(writer, missing)).toBeNull();
    expect(await db.select().from(reviewComments).where(eq(reviewComments.storyId, missing))).toEqual([]);
  });

  it('takes a reply to a top-level comment of the same story only', async () => {
    const storyId = await storyWith(writer);
    const elsewhere = await storyWith(writer);
    const parentId = idOf(await addComment(editor, { storyId, body: 'سؤال' }));
    const foreignParent = idOf(await addComment(editor, { storyId: elsewhere, body: 'في خبر آخر' }));

    const replyId = idOf(await addComment(writer, { storyId, body: 'جواب', parentId }));
    expect(await rowOf(replyId)).toMatchObject({ storyId, parentId, anchor: null });

    // A parent from another story would graft this thread onto a story it is not about.
    expect(await addComment(writer, { storyId, body: 'رد تائه', parentId: foreignParent })).toEqual(notFound);
    // Threads are one level deep.
    expect(await addComment(writer, { storyId, body: 'رد على رد', parentId: replyId })).toEqual(notFound);
    // A reply to a comment that does not exist at all.
    expect(await addComment(writer, { storyId, body: 'رد على لا شيء', parentId: randomUUID() })).toEqual(notFound);

    expect((await rowsOf(storyId)).map((c) => c.id).sort()).toEqual([parentId, replyId].sort());
    expect((await rowsOf(elsewhere)).map((c) => c.id)).toEqual([foreignParent]);
  });
});

describe('editing a comment', () => {
  it('lets the author correct their comment, sets editedAt, and refuses everyone else, an admin included', async () => {
    const storyId = await storyWith(writer);
    const commentId = idOf(await addComment(otherWriter, { storyId, body: 'الرقم خطأ' }));
    expect((await rowOf(commentId)).editedAt).toBeNull();

    for (const other of [writer, editor, admin]) {
      expect(await editComment(other, { commentId, body: 'تعديل من غيري' })).toEqual(notFound);
    }
    expect(await rowOf(commentId)).toMatchObject({ body: 'الرقم خطأ', editedAt: null });

    expect(await editComment(otherWriter, { commentId, body: 'الرقم في الفقرة الثانية خطأ' })).toEqual({ ok: true, data: undefined });
    const row = await rowOf(commentId);
    expect(row.body).toBe('الرقم في الفقرة الثانية خطأ');
    expect(row.editedAt).toBeInstanceOf(Date);
    expect(row.editedAt!.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());

    const view = await viewOf(otherWriter, storyId, commentId);
    expect(view).toMatchObject({ body: 'الرقم في الفقرة الثانية خطأ', editedAt: row.editedAt!.toISOString(), canEdit: true });
    // The edit button is the author's alone.
    expect((await viewOf(admin, storyId, commentId)).canEdit).toBe(false);
  });

  it('closes the edit window ten minutes after the comment was written', async () => {
    const storyId = await storyWith(writer);
    const late = idOf(await addComment(editor, { storyId, body: 'قديم' }));
    const recent = idOf(await addComment(editor, { storyId, body: 'حديث' }));
    // Literal minutes, not EDIT_WINDOW_MS: the promise to users is ten minutes, whatever the constant says.
    expect(EDIT_WINDOW_MS).toBe(10 * MINUTE);
    await ageComment(late, 11 * MINUTE);
    await ageComment(recent, 9 * MINUTE);

    expect(await editComment(editor, { commentId: late, body: 'بعد فوات الأوان' })).toEqual({ ok: false, error: 'errors.comments.editWindow' });
    expect(await rowOf(late)).toMatchObject({ body: 'قديم', editedAt: null });
    expect((await viewOf(editor, storyId, late)).canEdit).toBe(false);

    // Just inside the window the same author still may.
    expect((await viewOf(editor, storyId, recent)).canEdit).toBe(true);
    expect((await editComment(editor, { commentId: recent, body: 'حديث ومصحح' })).ok).toBe(true);
    expect((await rowOf(recent)).body).toBe('حديث ومصحح');
  });
});

describe('deleting a comment', () => {
  it('is refused to a writer, even the comment’s own author', async () => {
    const storyId = await storyWith(writer);
    const commentId = idOf(await addComment(writer, { storyId, body: 'سأبقى' }));
    await expect(deleteComment(writer, commentId)).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteComment(otherWriter, commentId)).rejects.toBeInstanceOf(Forbidden);
    expect(await rowOf(commentId)).toMatchObject({ deletedAt: null, deletedById: null });
  });

  it('lets an editor or an admin soft-delete, leaving a trace without the words', async () => {
    const storyId = await storyWith(writer);
    const byEditor = idOf(await addComment(writer, { storyId, body: 'كلام سيُحذف', anchor: anchorOn('خبراء') }));
    const byAdmin = idOf(await addComment(otherWriter, { storyId, body: 'وهذا أيضًا' }));

    expect(await deleteComment(editor, byEditor)).toEqual({ ok: true, data: undefined });
    expect(await deleteComment(admin, byAdmin)).toEqual({ ok: true, data: undefined });

    const row = await rowOf(byEditor);
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.deletedById).toBe(editor.id);
    expect((await rowOf(byAdmin)).deletedById).toBe(admin.id);

    const view = await viewOf(writer, storyId, byEditor);
    expect(view).toMatchObject({
      body: '',
      mentions: [],
      authorName: writer.displayName,
      deletedAt: row.deletedAt!.toISOString(),
      deletedByName: editor.displayName,
      canEdit: false,
      canResolve: false,
    });
    expect((await viewOf(editor, storyId, byEditor)).canDelete).toBe(false);
    expect((await viewOf(writer, storyId, byAdmin)).deletedByName).toBe(admin.displayName);

    // Gone means gone for every other action too.
    expect(await editComment(writer, { commentId: byEditor, body: 'أعيدوه' })).toEqual(notFound);
    expect(await setResolved(editor, byEditor, true)).toEqual(notFound);
    expect(await addComment(editor, { storyId, body: 'رد على محذوف', parentId: byEditor })).toEqual(notFound);
    expect(await deleteComment(editor, randomUUID())).toEqual(notFound);
  });
});

describe('resolving an inline comment', () => {
  it('is for the comment’s author, the story’s authors and editors, not for an unrelated writer', async () => {
    const stranger = await createStaff(db, 'writer');
    const commenter = await createStaff(db, 'writer');
    const storyId = await storyWith(writer);
    const first = idOf(await addComment(commenter, { storyId, body: 'تحقق', anchor: anchorOn('الحكومة') }));

    expect(await setResolved(stranger, first, true)).toEqual(notFound);
    expect(await rowOf(first)).toMatchObject({ resolvedAt: null, resolvedById: null });
    expect((await viewOf(stranger, storyId, first)).canResolve).toBe(false);

    // The story's creator resolves, then reopens: both resolution columns clear.
    expect((await viewOf(writer, storyId, first)).canResolve).toBe(true);
    expect(await setResolved(writer, first, true)).toEqual({ ok: true, data: undefined });
    const resolved = await rowOf(first);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(resolved.resolvedById).toBe(writer.id);
    expect(await viewOf(stranger, storyId, first)).toMatchObject({ resolvedAt: resolved.resolvedAt!.toISOString(), resolvedByName: writer.displayName });
    expect(await setResolved(writer, first, false)).toEqual({ ok: true, data: undefined });
    expect(await rowOf(first)).toMatchObject({ resolvedAt: null, resolvedById: null });
    expect(await viewOf(stranger, storyId, first)).toMatchObject({ resolvedAt: null, resolvedByName: null });

    // The comment's own author, who has no other tie to the story.
    expect((await setResolved(commenter, first, true)).ok).toBe(true);
    expect((await rowOf(first)).resolvedById).toBe(commenter.id);
    await setResolved(commenter, first, false);

    // An editor, who is neither.
    expect((await setResolved(editor, first, true)).ok).toBe(true);
    expect(await viewOf(writer, storyId, first)).toMatchObject({ resolvedByName: editor.displayName });
  });

  it('counts a writer on the byline as an author of the story', async () => {
    const bylined = await createStaff(db, 'writer');
    const storyId = await storyWith(editor);
    expect((await saveStory(editor, storyId, contentOf(await draftOf(storyId), { bylines: [editor.authorId!, bylined.authorId!] })))?.status).toBe('saved');
    const commentId = idOf(await addComment(admin, { storyId, body: 'مصدر؟', anchor: anchorOn('خمسة في المئة') }));

    expect((await setResolved(bylined, commentId, true)).ok).toBe(true);
    expect((await rowOf(commentId)).resolvedById).toBe(bylined.id);
  });

  it('does not apply to thread comments or replies', async () => {
    const storyId = await storyWith(writer);
    const thread = idOf(await addComment(writer, { storyId, body: 'عام' }));
    const inline = idOf(await addComment(writer, { storyId, body: 'هنا', anchor: anchorOn('للعام المقبل') }));
    // A reply takes no anchor of its own, even when one is sent.
    const reply = idOf(await addComment(editor, { storyId, body: 'موافق', parentId: inline, anchor: anchorOn('الحكومة') }));
    expect((await rowOf(reply)).anchor).toBeNull();

    // Even an editor, who may resolve anything that can be resolved.
    expect(await setResolved(editor, thread, true)).toEqual(notFound);
    expect(await setResolved(editor, reply, true)).toEqual(notFound);
    expect(await setResolved(editor, randomUUID(), true)).toEqual(notFound);
    // Nor a reply row that carries an anchor anyway (older data, a direct write): being a reply is what rules it out.
    const [anchoredReply] = await db.insert(reviewComments).values({ storyId, parentId: inline, authorId: writer.id, body: 'رد مثبت', anchor: anchorOn('الحكومة') }).returning({ id: reviewComments.id });
    expect(await setResolved(editor, anchoredReply!.id, true)).toEqual(notFound);
    for (const id of [thread, reply, anchoredReply!.id]) expect((await rowOf(id)).resolvedAt).toBeNull();
    const views = await threadOf(editor, storyId);
    expect(views.filter((c) => c.canResolve).map((c) => c.id)).toEqual([inline]);
  });
});

describe('anchors', () => {
  it('refuses a quote the saved story does not contain, and stores nothing', async () => {
    const storyId = await storyWith(writer);
    const missing = anchorOn('نص لم يُحفظ قط', ['نص لم يُحفظ قط']);
    expect(await addComment(editor, { storyId, body: 'أين هذا؟', anchor: missing })).toEqual({ ok: false, error: 'errors.comments.quoteMissing' });
    // Text the editor has on screen but never saved is as absent as text that never existed.
    const unsaved = anchorOn('موازنة معدلة', ['أعلنت الحكومة موازنة معدلة']);
    expect(await addComment(editor, { storyId, body: 'وهذا؟', anchor: unsaved })).toEqual({ ok: false, error: 'errors.comments.quoteMissing' });
    expect(await rowsOf(storyId)).toEqual([]);
  });

  it('stores the anchor of a quote the saved story contains, across a paragraph break too', async () => {
    const storyId = await storyWith(writer);
    const inWord = anchorOn('موازنة جديدة');
    // docText joins paragraphs with one '\n' (the stored plain text uses two): the server must check the same text the editor anchors to.
    const acrossBlocks = anchorOn('المقبل\nويتوقع');
    const a = idOf(await addComment(editor, { storyId, body: 'دقيق؟', anchor: inWord }));
    const b = idOf(await addComment(editor, { storyId, body: 'فقرة واحدة؟', anchor: acrossBlocks }));

    expect((await rowOf(a)).anchor).toEqual(inWord);
    expect((await rowOf(b)).anchor).toEqual(acrossBlocks);
    expect((await viewOf(writer, storyId, a)).anchor).toEqual(inWord);
    expect(inWord).toMatchObject({ exact: 'موازنة جديدة', prefix: 'أعلنت الحكومة ', position: 'أعلنت الحكومة '.length });
  });
});

describe('bad input', () => {
  const cases: [string, string, string][] = [
    ['an oversized body', 'ب'.repeat(2001), 'errors.comments.tooLong'],
    ['a bell character', 'تنبيه\u0007', 'errors.comments.controlChars'],
    ['a right-to-left override', 'نص \u202Eمقلوب', 'errors.comments.controlChars'],
    ['an empty body', '', 'errors.required'],
    ['a body of whitespace', ' \n\t ', 'errors.required'],
  ];

  it.each(cases)('refuses %s on add and on edit, storing nothing', async (_label, body, error) => {
    const storyId = await storyWith(writer);
    expect(await addComment(editor, { storyId, body })).toEqual({ ok: false, fieldErrors: { body: error } });
    expect(await addComment(editor, { storyId, body, anchor: anchorOn('العجز') })).toEqual({ ok: false, fieldErrors: { body: error } });
    expect(await rowsOf(storyId)).toEqual([]);

    const commentId = idOf(await addComment(editor, { storyId, body: 'سليم' }));
    expect(await editComment(editor, { commentId, body })).toEqual({ ok: false, fieldErrors: { body: error } });
    expect(await rowOf(commentId)).toMatchObject({ body: 'سليم', editedAt: null });
  });

  it('accepts a body at the limit, and line breaks and tabs', async () => {
    const storyId = await storyWith(writer);
    const atLimit = 'ب'.repeat(2000);
    expect((await rowOf(idOf(await addComment(editor, { storyId, body: atLimit })))).body).toBe(atLimit);
    expect((await rowOf(idOf(await addComment(editor, { storyId, body: 'سطر\nسطر\tآخر' })))).body).toBe('سطر\nسطر\tآخر');
  });
});

describe('mentions', () => {
  const tag = arabicTag();
  let author: CurrentUser;
  let laila: CurrentUser; // a name with a space, Arabic
  let lailaShort: CurrentUser; // a name that is a prefix of Laila's
  let sami: CurrentUser;
  let nasser: CurrentUser; // deactivated
  let huda: CurrentUser; // named only by an edit

  beforeAll(async () => {
    author = await namedStaff('writer', `منى ${tag}`);
    laila = await namedStaff('writer', `ليلى ${tag} حداد`);
    lailaShort = await namedStaff('editor', `ليلى ${tag}`);
    sami = await namedStaff('editor', `سامي ${tag}`);
    nasser = await namedStaff('writer', `ناصر ${tag}`);
    huda = await namedStaff('admin', `هدى ${tag}`);
    await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, nasser.id));
  });

  const mention = (person: CurrentUser) => `@${person.displayName}`;

  it('notifies exactly the active staff named, not the author, a deactivated user, or a shorter name inside a longer one', async () => {
    const storyId = await storyWith(writer);
    const body = `${mention(laila)}، راجعي الرقم مع ${mention(sami)}. نسخة إلى ${mention(nasser)} و${mention(author)}`;
    const commentId = idOf(await addComment(author, { storyId, body }));

    expect(await mentionedBy(commentId)).toEqual([laila.id, sami.id].sort());
    const [notice] = await db.select().from(notifications).where(and(eq(notifications.commentId, commentId), eq(notifications.userId, laila.id)));
    expect(notice).toMatchObject({ kind: 'mentioned', storyId, actorId: author.id, readAt: null });

    const stored = (await rowOf(commentId)).mentions.map((m) => m.id);
    expect(stored).toEqual(expect.arrayContaining([laila.id, sami.id]));
    expect(stored).not.toContain(nasser.id);
    expect(stored).not.toContain(lailaShort.id);
  });

  it('on an edit, notifies only the people newly named', async () => {
    const storyId = await storyWith(writer);
    const first = `${mention(laila)} و${mention(sami)}: راجعا الفقرة الثانية`;
    const commentId = idOf(await addComment(author, { storyId, body: first }));
    expect(await mentionedBy(commentId)).toEqual([laila.id, sami.id].sort());

    const second = `${first}، ومعكما ${mention(huda)}`;
    expect((await editComment(author, { commentId, body: second })).ok).toBe(true);
    expect(await mentionedBy(commentId)).toEqual([laila.id, sami.id, huda.id].sort());

    // Saving the same names again tells nobody twice.
    expect((await editComment(author, { commentId, body: `${second}.` })).ok).toBe(true);
    expect(await mentionedBy(commentId)).toEqual([laila.id, sami.id, huda.id].sort());
    expect((await viewOf(author, storyId, commentId)).mentions.map((m) => m.id).sort()).toEqual([laila.id, sami.id, huda.id].sort());
  });
});

describe('the story row', () => {
  const columnsOf = async (storyId: string) => {
    const [row] = await db
      .select({ version: stories.version, updatedAt: stories.updatedAt, editorialState: stories.editorialState, approvedRevisionId: stories.approvedRevisionId })
      .from(stories)
      .where(eq(stories.id, storyId));
    return row;
  };

  it('keeps its version, updated_at, editorial state and approval through every comment action', async () => {
    const storyId = await readyStory('ثابت');
    expect((await transition(writer, storyId, { action: 'submit' })).ok).toBe(true);
    expect((await transition(editorB, storyId, { action: 'approve', expectedVersion: (await draftOf(storyId)).version, acknowledge: true })).ok).toBe(true);
    const before = await columnsOf(storyId);
    expect(before).toMatchObject({ editorialState: 'approved', approvedRevisionId: expect.any(String) });

    const inline = idOf(await addComment(editor, { storyId, body: 'قبل النشر: تحقق', anchor: anchorOn('العجز') }));
    const thread = idOf(await addComment(writer, { storyId, body: 'تم' }));
    idOf(await addComment(writer, { storyId, body: 'تحقق منه', parentId: inline }));
    expect((await editComment(editor, { commentId: inline, body: 'قبل النشر: تحقق من الرقم' })).ok).toBe(true);
    expect((await setResolved(writer, inline, true)).ok).toBe(true);
    expect((await setResolved(writer, inline, false)).ok).toBe(true);
    expect((await deleteComment(admin, thread)).ok).toBe(true);

    expect(await columnsOf(storyId)).toEqual(before);
  });
});

describe('system entries', () => {
  it('records a send-back reason as a system comment that cannot be edited, resolved or deleted', async () => {
    const storyId = await readyStory('إعادة');
    expect((await transition(writer, storyId, { action: 'submit' })).ok).toBe(true);
    const reason = 'المصدر الثاني ناقص';
    expect((await transition(editor, storyId, { action: 'request_changes', reason })).ok).toBe(true);

    const rows = await rowsOf(storyId);
    expect(rows).toHaveLength(1);
    const entry = rows[0]!;
    expect(entry).toMatchObject({ system: true, action: 'request_changes', body: reason, authorId: editor.id, anchor: null, parentId: null });

    expect(await threadOf(editor, storyId)).toEqual([
      expect.objectContaining({ id: entry.id, systemAction: 'request_changes', body: reason, authorName: editor.displayName, canEdit: false, canDelete: false, canResolve: false }),
    ]);

    expect(await deleteComment(editor, entry.id)).toEqual(notFound);
    expect(await deleteComment(admin, entry.id)).toEqual(notFound);
    expect(await editComment(editor, { commentId: entry.id, body: 'سبب آخر' })).toEqual(notFound);
    expect(await setResolved(editor, entry.id, true)).toEqual(notFound);
    expect(await rowOf(entry.id)).toEqual(entry);

    // A person's comment reports no workflow action.
    const own = idOf(await addComment(writer, { storyId, body: 'أضفت المصدر' }));
    expect((await viewOf(writer, storyId, own)).systemAction).toBeNull();
  });
});
