import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
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

/** The carets of everyone else in this editor, over the shared presence. */
export const collabCarets = (collab: Collab) => CollaborationCaret.configure({ provider: collab.provider, user: collab.user, render: renderCaret, selectionRender: renderSelection });
