// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { withDirections } from '@/lib/content/block-direction';
import { paragraphsToDoc } from '@/lib/content/document';
import { blocks, leaveAll, press, REMOTE, twoPeople, type Person } from '@/test/editors';
import { writeStoryText } from './write-text';

// Two people in one paragraph, each key crossing the other's on the way (both
// press a key before either hears of the other's): where do carets and selections go?
// y-tiptap 3.3.0 put a caret back at its old offset whenever the paragraph's
// text had changed, so one person's letters came out in reverse order
// (patches/@tiptap+y-tiptap+3.3.0.patch). Typing here goes through the editor's
// state (the binding's caret logic is the same for keys the browser inserts);
// e2e/same-spot.spec.ts types the same with keys, in Chromium.

/** What each sent so far reaches the other. */
function exchange(a: Person, b: Person) {
  for (const [from, to] of [[a, b], [b, a]] as const) for (const update of from.outbox.splice(0)) Y.applyUpdate(to.doc, update, REMOTE);
}

/** The caret just after the first paragraph's `chars` first letters. */
const caretAfter = (who: Person, chars: number) => who.editor.commands.setTextSelection(1 + chars);
const endOfFirstParagraph = (who: Person) => who.editor.commands.setTextSelection(who.editor.state.doc.child(0).nodeSize - 1);
/** The caret's block, with `|` at the caret and ⏎ for a line break. */
function caretInBlock(who: Person) {
  const { doc, selection } = who.editor.state;
  const { $head } = selection;
  return `${doc.textBetween($head.start(), $head.pos, '', '⏎')}|${doc.textBetween($head.pos, $head.end(), '', '⏎')}`;
}
/** The letters of `alphabet` in `text`, in the order they appear there. */
const lettersOf = (alphabet: string, text: string) => [...text].filter((char) => alphabet.includes(char)).join('');

afterEach(leaveAll);

describe('where a caret goes when a colleague’s change arrives', () => {
  it('at the same spot: each person’s letters stay in the order typed', () => {
    const [first, second] = twoPeople('<p>start.</p>');
    endOfFirstParagraph(first);
    endOfFirstParagraph(second);
    const upper = 'ABCDEFGHIJKLMNOP';
    const lower = 'abcdefghijklmnop';
    for (let i = 0; i < upper.length; i += 1) {
      press(first, upper[i] as string);
      press(second, lower[i] as string);
      exchange(first, second);
    }
    expect(blocks(first)).toEqual(blocks(second));
    const typed = (blocks(first)[0] as string).slice('start.'.length);
    expect(lettersOf(upper, typed), typed).toBe(upper);
    expect(lettersOf(lower, typed), typed).toBe(lower);
  });

  it('one earlier in the paragraph: the other’s caret stays after their own words', () => {
    const [first, second] = twoPeople('<p>one two.</p>');
    caretAfter(first, 'one'.length);
    endOfFirstParagraph(second);
    for (let i = 0; i < 4; i += 1) {
      press(first, 'XYZW'[i] as string);
      press(second, 'wxyz'[i] as string);
      exchange(first, second);
    }
    expect(blocks(first)).toEqual(['oneXYZW two.wxyz']);
    expect(blocks(second)).toEqual(blocks(first));
  });

  it('one typing before the other’s selection: the selection keeps its words (a bold lands on them)', () => {
    const [first, second] = twoPeople('<p>the minister resigned today.</p>');
    second.editor.commands.setTextSelection({ from: 1 + 'the minister '.length, to: 1 + 'the minister resigned'.length });
    caretAfter(first, 'the'.length);
    for (const key of ' former') {
      press(first, key);
      exchange(first, second);
    }
    second.editor.commands.toggleBold();
    exchange(first, second);
    const html = first.editor.getHTML();
    expect(html).toContain('<strong>resigned</strong>');
    expect(second.editor.getHTML()).toBe(html);
  });

  // Where the binding rewrites text rather than moving it, the caret's letter is gone: the library's own recovery
  // decides, as before the patch.
  it('a colleague’s line break earlier in the paragraph leaves the caret on its line', () => {
    const [first, second] = twoPeople('<p>hello world</p>');
    caretAfter(second, 'hello wor'.length);
    caretAfter(first, 'hello'.length);
    first.editor.commands.setHardBreak();
    exchange(first, second);
    expect(caretInBlock(second)).toMatch(/^hello⏎ wo/);
  });

  it('a colleague splitting the paragraph before the caret: the caret goes with its words', () => {
    const [first, second] = twoPeople('<p>first half. second half.</p>');
    endOfFirstParagraph(second);
    caretAfter(first, 'first half.'.length);
    first.editor.commands.splitBlock();
    exchange(first, second);
    press(second, 'X');
    exchange(first, second);
    expect(blocks(first)).toEqual(['first half.', ' second half.X']);
    expect(blocks(second)).toEqual(blocks(first));
  });

  it('a colleague joining the paragraph onto the one before: the caret goes with its words', () => {
    const [first, second] = twoPeople('<p>first.</p><p>second.</p>');
    second.editor.commands.setTextSelection(second.editor.state.doc.child(0).nodeSize + 1 + 'sec'.length);
    first.editor.commands.setTextSelection(first.editor.state.doc.child(0).nodeSize + 1);
    first.editor.commands.joinBackward();
    exchange(first, second);
    press(second, 'X');
    exchange(first, second);
    expect(blocks(first)).toEqual(['first.secXond.']);
    expect(blocks(second)).toEqual(blocks(first));
  });

  it('a caret on a new empty line stays there while a colleague types elsewhere', () => {
    const [first, second] = twoPeople('<p>Intro.</p><p>Body.</p>');
    caretAfter(second, 'Intro.'.length);
    second.editor.commands.splitBlock();
    exchange(first, second);
    first.editor.commands.setTextSelection(first.editor.state.doc.content.size - 1);
    press(first, 'X');
    exchange(first, second);
    press(second, 'Y');
    exchange(first, second);
    expect(blocks(second)).toEqual(['Intro.', 'Y', 'Body.X']);
    expect(blocks(first)).toEqual(blocks(second));
  });

  it('a colleague deleting words that reappear in the next paragraph is not taken for a split', () => {
    const [first, second] = twoPeople('<p>hello world</p><p>world</p>');
    caretAfter(second, 'hello wor'.length);
    first.editor.commands.deleteRange({ from: 1 + 'hello '.length, to: 1 + 'hello world'.length });
    exchange(first, second);
    press(second, 'Y');
    exchange(first, second);
    expect(blocks(second)).toEqual(['hello Y', 'world']);
  });

  it('a restored revision that reorders the paragraphs leaves the caret in its own words', () => {
    const [first, second] = twoPeople('<p>Alpha paragraph here.</p><p>Beta paragraph there.</p>');
    caretAfter(second, 'Alpha para'.length);
    // What a restore does on the server's copy (lib/collab/write-text.ts), received by this tab.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(first.doc));
    const update = writeStoryText(server, { body: withDirections(paragraphsToDoc(['Beta paragraph there.', 'Alpha paragraph here.']), 'en') });
    Y.applyUpdate(second.doc, update, REMOTE);
    expect(caretInBlock(second)).toBe('Alpha para|graph here.');
  });
});
