import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { yCursorPluginKey } from '@tiptap/y-tiptap';
import { caretAwareness, publishAfterPause } from '@/lib/collab/caret-presence';
import type { Collab } from './use-collab';

// A colleague's caret: a bar and their name, in their colour. The name is the
// one the server checked (the session's display name), so a caret cannot lie.

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour = typeof user.color === 'string' ? user.color : '#546e7a';
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.style.borderColor = colour;
  caret.setAttribute('aria-hidden', 'true');
  // The name is drawn by CSS from an attribute, not a text node: it is no part of the story's text (copying, counting, find).
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = colour;
  label.dataset.name = String(user.name ?? '');
  caret.append(label);
  return caret;
}

const renderSelection = (user: Record<string, unknown>) => ({ nodeName: 'span', class: 'collab-selection', style: `background-color: ${typeof user.color === 'string' ? user.color : '#546e7a'}33` });

// The caret extension as it is, but for the keystroke's cost (lib/collab/caret-presence.ts): its y-tiptap plugin
// publishes this tab's caret once typing pauses, and hears only of colleagues' carets in this editor's fragment.
const Carets = CollaborationCaret.extend({
  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map((plugin) => (plugin.spec.key === yCursorPluginKey ? publishAfterPause(plugin) : plugin));
  },
});

/** The carets of everyone else in the editor on the document's `field` fragment, over the shared presence. */
export function collabCarets(collab: Collab, field: string) {
  const { awareness } = collab.provider;
  return Carets.configure({
    // The extension uses only the provider's awareness (ours always has one: presence is on).
    provider: awareness ? { awareness: caretAwareness(awareness, collab.doc.getXmlFragment(field)) } : collab.provider,
    user: collab.user,
    render: renderCaret,
    selectionRender: renderSelection,
  });
}
