import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { contentExtensionsFor } from '@/lib/content/extensions';
import { BODY_FIELD } from '@/lib/collab/fields';

// People editing one story in Tiptap editors on Yjs documents of their own,
// with the editor's own extensions and binding (happy-dom; no browser, no
// socket): what each sends waits in an outbox until a test delivers it, so a
// test decides which keys cross on the way.

export type Person = { doc: Y.Doc; editor: Editor; outbox: Uint8Array[] };
/** The origin of what a person receives: not sent on. */
export const REMOTE = Symbol('remote');

/** A Tiptap editor on the body of `doc`, with the story editor's extensions; destroyed by leaveAll. */
export function editorOn(doc: Y.Doc): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({ element, extensions: [...contentExtensionsFor('en', { undoRedo: false }), Collaboration.configure({ document: doc, field: BODY_FIELD })] });
  editors.push(editor);
  return editor;
}
const editors: Editor[] = [];

export function person(seed?: Uint8Array): Person {
  const doc = new Y.Doc();
  if (seed) Y.applyUpdate(doc, seed, REMOTE);
  const editor = editorOn(doc);
  const outbox: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) outbox.push(update);
  });
  return { doc, editor, outbox };
}

/** Two people on one story whose body is `html`, in sync. */
export function twoPeople(html: string): [Person, Person] {
  const first = person();
  first.editor.commands.setContent(html);
  const second = person(Y.encodeStateAsUpdate(first.doc));
  first.outbox.length = 0;
  return [first, second];
}

/** Destroys every editor made since the last call (afterEach). */
export function leaveAll(): void {
  for (const editor of editors.splice(0)) editor.destroy();
}

export const press = (who: Person, key: string) => who.editor.view.dispatch(who.editor.state.tr.insertText(key));

/** The text of each top-level block. */
export function blocks(who: Person): string[] {
  const texts: string[] = [];
  who.editor.state.doc.forEach((block) => texts.push(block.textContent));
  return texts;
}

/** Puts the caret in top-level block `block` (from 0), after its first `offset` characters. */
export function caretAt(editor: Editor, block: number, offset: number): void {
  let position = 1;
  for (let index = 0; index < block; index++) position += editor.state.doc.child(index).nodeSize;
  editor.commands.setTextSelection(position + offset);
}
