// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocks, caretAt, leaveAll, person, press, REMOTE, type Person } from '@/test/editors';
import { noteUpdate, watchUnseenLetters, type FoundLetters } from './unseen-letters';
import { writeBackUpdate } from './write-back';

// Letters typed into a paragraph that a colleague, not having received them,
// rewrites (a subheading, a quote, a list, a join) or deletes: the binding
// writes each as the paragraph deleted and written again, and Yjs takes the
// letters with it. Two people in real Tiptap editors, and between them a
// server's document that notes each update's deletions before applying it,
// as lib/collab/server.ts does, and writes the unseen letters back.

afterEach(leaveAll);

const WRITTEN_BACK = Symbol('written back');
/** Updates from another instance: their letters are that instance's to write back. */
const ELSEWHERE = 'another instance';

type Server = { doc: Y.Doc; writtenBack: number; inboxes: Map<Person, Uint8Array[]>; found: FoundLetters[]; holding: boolean };

function serverFor(people: Person[]): Server {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(people[0]!.doc));
  const server: Server = { doc, writtenBack: 0, inboxes: new Map(people.map((one) => [one, []])), found: [], holding: false };
  watchUnseenLetters(doc, (letters) => server.found.push(letters));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    for (const [one, inbox] of server.inboxes) if (one !== origin) inbox.push(update);
  });
  // As the server: after the transaction, the change computed, then applied (it would be logged in between).
  doc.on('afterAllTransactions', () => {
    if (!server.holding) writeBack(server);
  });
  return server;
}

/** Writes back, in order, the letters found so far (the server does so as soon as the log has taken each). */
function writeBack(server: Server) {
  for (const letters of server.found.splice(0)) {
    const change = writeBackUpdate(server.doc, letters);
    if (!change) continue;
    server.writtenBack += 1;
    Y.applyUpdate(server.doc, change, WRITTEN_BACK);
  }
}

/** What `who` typed reaches the server (from a person connected to it, or relayed from another instance). */
function send(server: Server, who: Person, from: 'person' | 'elsewhere' = 'person') {
  const origin = from === 'person' ? who : ELSEWHERE;
  for (const update of who.outbox.splice(0)) {
    noteUpdate(server.doc, update, origin, { direct: from === 'person', whole: false });
    Y.applyUpdate(server.doc, update, origin);
  }
}

/** A tab's whole state reaches the server, as it sends it when its socket opens (own-changes-first.ts) or answers a sync. */
function sendState(server: Server, who: Person) {
  const state = Y.encodeStateAsUpdate(who.doc, Y.encodeStateVector(server.doc));
  who.outbox.length = 0;
  noteUpdate(server.doc, state, who, { direct: true, whole: true });
  Y.applyUpdate(server.doc, state, who);
}

/** Everything the server has sent reaches everyone. */
function deliver(server: Server) {
  for (const [one, inbox] of server.inboxes) for (const update of inbox.splice(0)) Y.applyUpdate(one.doc, update, REMOTE);
}

function threeParagraphs(): [Person, Person, Server] {
  const first = person();
  first.editor.commands.setContent('<p>first.</p><p>second.</p><p>third.</p>');
  const second = person(Y.encodeStateAsUpdate(first.doc));
  first.outbox.length = 0;
  return [first, second, serverFor([first, second])];
}

const startOfSecond = (editor: Editor) => caretAt(editor, 1, 0);
const endOfSecond = (editor: Editor) => caretAt(editor, 1, 'second.'.length);
/** The editor makes the second paragraph a subheading (not sent yet). */
function makeSubheading(editor: Person) {
  startOfSecond(editor.editor);
  editor.editor.commands.setNode('heading', { level: 2 });
}
/** The writer types `keys` at the end of the second paragraph (not sent yet). */
function typeAtEndOfSecond(writer: Person, keys: string) {
  endOfSecond(writer.editor);
  press(writer, keys);
}

const rewrites: [string, (editor: Editor) => void, string[]][] = [
  ['joins it onto the one before', (editor) => editor.commands.joinBackward(), ['first.second.XYZ', 'third.']],
  ['turns it into a subheading', (editor) => editor.commands.setNode('heading', { level: 2 }), ['first.', 'second.XYZ', 'third.']],
  ['turns it into a quote', (editor) => editor.commands.wrapIn('blockquote'), ['first.', 'second.XYZ', 'third.']],
  ['turns it into a list', (editor) => editor.commands.toggleBulletList(), ['first.', 'second.XYZ', 'third.']],
];

describe('letters typed into a paragraph a colleague rewrites before receiving them', () => {
  for (const [change, make, expected] of rewrites) {
    for (const first of ['the rewrite', 'the letters'] as const) {
      it(`are kept when a colleague ${change} (${first} reaching the server first)`, () => {
        const [editor, writer, server] = threeParagraphs();
        startOfSecond(editor.editor);
        make(editor.editor);
        endOfSecond(writer.editor);
        press(writer, 'XYZ');
        if (first === 'the rewrite') {
          send(server, editor);
          send(server, writer);
        } else {
          send(server, writer);
          send(server, editor);
        }
        deliver(server);
        expect(blocks(editor)).toEqual(expected);
        expect(blocks(writer)).toEqual(expected);
        expect(server.writtenBack).toBe(1);
      });
    }
  }

  it('come back in the order typed when more of them follow after the first were written back', () => {
    const [editor, writer, server] = threeParagraphs();
    makeSubheading(editor);
    typeAtEndOfSecond(writer, 'XY');
    send(server, writer);
    send(server, editor);
    // The writer has not heard of the subheading yet, and goes on typing in the paragraph.
    press(writer, 'Z');
    press(writer, 'W');
    send(server, writer);
    deliver(server);
    expect(blocks(editor)).toEqual(['first.', 'second.XYZW', 'third.']);
    expect(blocks(writer)).toEqual(blocks(editor));
  });

  it('come back in the order typed when each arrives on its own before any is written back', () => {
    const [editor, writer, server] = threeParagraphs();
    makeSubheading(editor);
    send(server, editor);
    server.holding = true;
    endOfSecond(writer.editor);
    for (const key of 'XYZW') {
      press(writer, key);
      send(server, writer);
    }
    server.holding = false;
    writeBack(server);
    deliver(server);
    expect(blocks(editor)).toEqual(['first.', 'second.XYZW', 'third.']);
    expect(blocks(writer)).toEqual(blocks(editor));
  });

  it('in the middle of the paragraph, go back after the letter they followed', () => {
    const [editor, writer, server] = threeParagraphs();
    makeSubheading(editor);
    caretAt(writer.editor, 1, 'sec'.length);
    press(writer, 'XYZ');
    send(server, editor);
    send(server, writer);
    deliver(server);
    expect(blocks(editor)).toEqual(['first.', 'secXYZond.', 'third.']);
  });

  it('come back as a paragraph where it was when the colleague deleted the paragraph whole', () => {
    const [editor, writer, server] = threeParagraphs();
    const { doc } = editor.editor.state;
    // From inside the first paragraph to inside the third: the second is deleted whole.
    editor.editor.commands.deleteRange({ from: 1 + 'first'.length, to: doc.child(0).nodeSize + doc.child(1).nodeSize + 1 + 'third'.length });
    typeAtEndOfSecond(writer, 'XYZ');
    send(server, editor);
    send(server, writer);
    deliver(server);
    expect(blocks(editor).join('|')).toContain('XYZ');
    expect(blocks(writer)).toEqual(blocks(editor));
    expect(blocks(editor).join('|').match(/XYZ/g)).toHaveLength(1);
  });
});

describe('a tab coming back online', () => {
  it('sends its typing first, then its state after taking in the rewrite: the letters come back, once', () => {
    const [editor, writer, server] = threeParagraphs();
    makeSubheading(editor);
    send(server, editor);
    // Offline, the writer types, corrects a typo (deleting letters the server never had), and goes on.
    endOfSecond(writer.editor);
    press(writer, ' teh');
    writer.editor.commands.deleteRange({ from: writer.editor.state.selection.from - 2, to: writer.editor.state.selection.from });
    press(writer, 'he');
    // Back: its changes first (own-changes-first.ts), then the server's, then its state.
    sendState(server, writer);
    deliver(server);
    sendState(server, writer);
    deliver(server);
    expect(blocks(editor)).toEqual(['first.', 'second. the', 'third.']);
    expect(blocks(writer)).toEqual(blocks(editor));
  });
});

describe('where letters with no text to go into come back', () => {
  it('a list item deleted whole: as a list item where it was', () => {
    const first = person();
    first.editor.commands.setContent('<ul><li><p>one</p></li><li><p>two</p></li></ul><p>after</p>');
    const second = person(Y.encodeStateAsUpdate(first.doc));
    first.outbox.length = 0;
    const server = serverFor([first, second]);
    const list = first.editor.state.doc.child(0);
    const secondItem = 1 + list.child(0).nodeSize;
    first.editor.commands.deleteRange({ from: secondItem, to: secondItem + list.child(1).nodeSize });
    second.editor.commands.setTextSelection(1 + list.child(0).nodeSize + 2 + 'two'.length);
    press(second, 'XYZ');
    send(server, first);
    send(server, second);
    deliver(server);
    expect(first.editor.getJSON()).toEqual(second.editor.getJSON());
    const items: string[] = [];
    first.editor.state.doc.child(0).forEach((item) => items.push(item.textContent));
    expect(items).toEqual(['one', 'XYZ']);
    expect(blocks(first)).toEqual(['oneXYZ', 'after']);
  });

  it('two paragraphs alike made a list together: on their own, not in the wrong one', () => {
    const first = person();
    first.editor.commands.setContent('<p>Yes.</p><p>Yes.</p><p>third.</p>');
    const second = person(Y.encodeStateAsUpdate(first.doc));
    first.outbox.length = 0;
    const server = serverFor([first, second]);
    first.editor.commands.setTextSelection({ from: 1, to: 1 + first.editor.state.doc.child(0).nodeSize + 3 });
    first.editor.commands.toggleBulletList();
    caretAt(second.editor, 1, 'Yes.'.length);
    press(second, 'XYZ');
    send(server, first);
    send(server, second);
    deliver(server);
    const text = blocks(first).join('|');
    expect(text.match(/XYZ/g)).toHaveLength(1);
    expect(text).not.toContain('Yes.XYZ|Yes.|');
    expect(blocks(second)).toEqual(blocks(first));
  });
});

describe('what is not written back', () => {
  it('letters their author deleted after they were written back', () => {
    const [editor, writer, server] = threeParagraphs();
    makeSubheading(editor);
    send(server, editor);
    endOfSecond(writer.editor);
    // Each key reaches the server on its own, before the writer hears of the subheading.
    for (const key of ' teh') {
      press(writer, key);
      send(server, writer);
    }
    for (let n = 0; n < 2; n++) {
      const at = writer.editor.state.selection.from;
      writer.editor.commands.deleteRange({ from: at - 1, to: at });
      send(server, writer);
    }
    for (const key of 'he') {
      press(writer, key);
      send(server, writer);
    }
    deliver(server);
    expect(blocks(editor)).toEqual(['first.', 'second. the', 'third.']);
    expect(blocks(writer)).toEqual(blocks(editor));
  });

  // Sent together (one run, an emoji of two UTF-16 units in it) or one key at a time (a letter after the deleted one).
  for (const [how, keys] of [['together', ['😀ab']], ['one at a time', ['😀', 'a', 'b']]] as const) {
    it(`letters their author deleted before they were written back, typed ${how}`, () => {
      const [editor, writer, server] = threeParagraphs();
      makeSubheading(editor);
      send(server, editor);
      server.holding = true;
      endOfSecond(writer.editor);
      for (const key of keys) {
        press(writer, key);
        send(server, writer);
      }
      const at = writer.editor.state.selection.from;
      writer.editor.commands.deleteRange({ from: at - 2, to: at - 1 });
      send(server, writer);
      server.holding = false;
      writeBack(server);
      deliver(server);
      expect(blocks(editor)).toEqual(['first.', 'second.😀b', 'third.']);
      expect(blocks(writer)).toEqual(blocks(editor));
    });
  }

  it('letters the colleague saw, then deleted with the rewrite', () => {
    const [editor, writer, server] = threeParagraphs();
    typeAtEndOfSecond(writer, 'XYZ');
    send(server, writer);
    deliver(server);
    // The editor has them, and deletes them and makes the subheading in one update.
    const { doc } = editor.editor.state;
    const end = doc.child(0).nodeSize + 1 + 'second.XYZ'.length;
    editor.editor.chain().deleteRange({ from: end - 3, to: end }).setTextSelection(end - 3).setNode('heading', { level: 2 }).run();
    expect(editor.outbox).toHaveLength(1);
    send(server, editor);
    deliver(server);
    expect(blocks(writer)).toEqual(['first.', 'second.', 'third.']);
    expect(server.writtenBack).toBe(0);
  });

  it('anything when the rewrite saw every letter', () => {
    const [editor, writer, server] = threeParagraphs();
    typeAtEndOfSecond(writer, 'XYZ');
    send(server, writer);
    deliver(server);
    makeSubheading(editor);
    send(server, editor);
    deliver(server);
    expect(blocks(writer)).toEqual(['first.', 'second.XYZ', 'third.']);
    expect(server.writtenBack).toBe(0);
  });

  it('letters relayed from another instance, taken by a rewrite relayed too: their instance writes them back', () => {
    const [editor, writer, server] = threeParagraphs();
    makeSubheading(editor);
    typeAtEndOfSecond(writer, 'XYZ');
    send(server, writer, 'elsewhere');
    send(server, editor, 'elsewhere');
    expect(server.writtenBack).toBe(0);
  });

  it('letters relayed from another instance, taken by a rewrite that came here: written back here', () => {
    const [editor, writer, server] = threeParagraphs();
    makeSubheading(editor);
    typeAtEndOfSecond(writer, 'XYZ');
    send(server, writer, 'elsewhere');
    send(server, editor);
    deliver(server);
    expect(blocks(editor)).toEqual(['first.', 'second.XYZ', 'third.']);
  });
});
