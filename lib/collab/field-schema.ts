import { Extension, Node } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

// The schema of a one-line text field (kicker, headline…): exactly one
// paragraph of plain text, no marks, no attributes, which is exactly what the
// server accepts in a field's fragment (codec.ts, readTextField). Anything
// else could not even be typed: Enter does not split, a pasted text's line
// breaks become spaces, and a change past the field's length limit is not
// applied (the server would refuse the document).

const FieldDocument = Node.create({ name: 'doc', topNode: true, content: 'paragraph' });
const FieldParagraph = Node.create({
  name: 'paragraph',
  content: 'text*',
  marks: '',
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: () => ['p', 0],
});
const FieldText = Node.create({ name: 'text', group: 'inline' });

/** A change this tab made, not one the shared document brought in (which is never refused: it is already everyone's). */
export const isLocalChange = (tr: Transaction) => !(tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;

type OneLineOptions = { maxLength: number; placeholder: string };

const OneLine = Extension.create<OneLineOptions>({
  name: 'oneLine',
  addOptions: () => ({ maxLength: 250, placeholder: '' }),
  addKeyboardShortcuts: () => ({ Enter: () => true, 'Shift-Enter': () => true, 'Mod-Enter': () => true }),
  addProseMirrorPlugins() {
    const { maxLength, placeholder } = this.options;
    return [
      new Plugin({
        key: new PluginKey('oneLine'),
        filterTransaction: (tr, state) => !tr.docChanged || !isLocalChange(tr) || tr.doc.textContent.length <= Math.max(maxLength, state.doc.textContent.length),
        props: {
          handlePaste: (view, event) => {
            const text = event.clipboardData?.getData('text/plain') ?? '';
            view.dispatch(view.state.tr.insertText(text.replace(/\s*[\r\n]+\s*/g, ' ')));
            return true;
          },
          handleDrop: () => true,
          decorations: (state) => {
            const paragraph = state.doc.firstChild;
            if (!placeholder || !paragraph || paragraph.content.size > 0) return null;
            return DecorationSet.create(state.doc, [Decoration.node(0, paragraph.nodeSize, { class: 'is-empty', 'data-placeholder': placeholder })]);
          },
        },
      }),
    ];
  },
});

export const fieldExtensions = (options: OneLineOptions) => [FieldDocument, FieldParagraph, FieldText, OneLine.configure(options)];
