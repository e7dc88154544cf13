import { Extension, type JSONContent } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { dominantDirection, type ContentLanguage, type Direction } from './direction';

// Each block stores its direction explicitly. Two attributes:
//  - `dir`: a direction the writer forced with the toolbar (null when none);
//    the editor's setTextDirection / unsetTextDirection commands write it.
//  - `autoDir`: the direction of the block's dominant script (./direction),
//    kept up to date by the editor as the writer types and recomputed by the
//    server on save and on render, so the three always agree.
// The page gets one `dir`: the forced one when there is one, else the computed
// one. Replaces Tiptap's TextDirection, whose `dir="auto"` takes the first
// strong character and reads «OpenAI ليست…» left to right.

/** Blocks that carry text (or hold blocks that do) and so get a direction of their own. */
export const DIRECTED_BLOCKS = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem'] as const;
const directed = new Set<string>(DIRECTED_BLOCKS);

const isDirection = (value: unknown): value is Direction => value === 'ltr' || value === 'rtl';

/** The direction a block shows: a forced one wins over the computed one. */
export function shownDirection(attrs: Record<string, unknown> | undefined): Direction | undefined {
  if (isDirection(attrs?.dir)) return attrs.dir;
  return isDirection(attrs?.autoDir) ? attrs.autoDir : undefined;
}

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}

/** Stored JSON with every block's computed direction filled in (older rows have none). Pure. */
export function withDirections(node: JSONContent, language: ContentLanguage): JSONContent {
  const content = node.content?.map((child) => withDirections(child, language));
  const out: JSONContent = content ? { ...node, content } : { ...node };
  if (typeof node.type === 'string' && directed.has(node.type)) out.attrs = { ...node.attrs, autoDir: dominantDirection(textOf(node), language) };
  return out;
}

/** After each edit, recomputes the blocks the edit touched: only the changed range is walked, not the whole story. */
export function directionPlugin(language: ContentLanguage): Plugin {
  return new Plugin({
    key: new PluginKey('blockDirection'),
    appendTransaction: (transactions, oldState, newState) => {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const start = oldState.doc.content.findDiffStart(newState.doc.content);
      const end = oldState.doc.content.findDiffEnd(newState.doc.content);
      if (start === null || end === null) return null;
      const tr = newState.tr;
      newState.doc.nodesBetween(Math.min(start, end.b), Math.max(start, end.b), (node, pos) => {
        if (!directed.has(node.type.name)) return;
        const wanted = dominantDirection(node.textContent, language);
        if (node.attrs.autoDir !== wanted) tr.setNodeAttribute(pos, 'autoDir', wanted);
      });
      // Part of the writer's edit, not a step of its own: undo takes both back together.
      return tr.docChanged ? tr.setMeta('addToHistory', false) : null;
    },
  });
}

export type BlockDirectionOptions = { language: ContentLanguage };

export const BlockDirection = Extension.create<BlockDirectionOptions>({
  name: 'blockDirection',

  addOptions() {
    return { language: 'ar' };
  },

  addGlobalAttributes() {
    const blocks = this.extensions.filter((extension) => extension.type === 'node' && extension.name !== 'text').map((extension) => extension.name);
    return [
      {
        types: blocks,
        attributes: {
          dir: {
            default: null,
            // Pasted HTML carries whatever dir its source had (Google Docs marks Arabic "ltr"): never a forced one.
            parseHTML: () => null,
            renderHTML: (attributes) => {
              const shown = shownDirection(attributes);
              return shown ? { dir: shown } : {};
            },
          },
        },
      },
      {
        types: blocks.filter((name) => directed.has(name)),
        attributes: { autoDir: { default: null, parseHTML: () => null, rendered: false } },
      },
    ];
  },

  addProseMirrorPlugins() {
    return [directionPlugin(this.options.language)];
  },
});
