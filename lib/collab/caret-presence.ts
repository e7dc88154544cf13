import { Plugin, type PluginView } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

// Presence (awareness) is one state per tab, shared by every editor on the page: the body and six one-line text
// fields, each with y-tiptap's caret plugin. Left as they come, each keystroke moves this tab's caret, the plugin
// of the focused editor publishes it, and every plugin on the page hears a 'change' and dispatches a transaction a
// task later to redraw carets: seven transactions per key, each also making its editor's Yjs binding compare the
// editor's document with its fragment again. Nothing in them can change: a tab never draws its own caret. Two
// things here take that off the keystroke (docs/co-editing.md, "Per-keystroke work"):
//  - `caretAwareness`: the awareness as one editor's caret plugin sees it, whose 'change' reaches the plugin only
//    when a colleague's caret came into, moved in, or left that editor's fragment (or they left while in it);
//  - `publishAfterPause`: the focused editor's caret is published once typing pauses (or at least every
//    PUBLISH_AT_LEAST_MS), not on every keystroke. A colleague's screen still follows the typing: a Yjs relative
//    position is tied to the character after the caret, so the caret they see moves with the text as it arrives.

/** The awareness members the caret extension and its y-tiptap plugin use. */
type CaretAwareness = Pick<Awareness, 'getStates' | 'getLocalState' | 'setLocalState' | 'setLocalStateField' | 'on' | 'off'> & {
  readonly states: Awareness['states'];
  readonly clientID: number;
  readonly doc: Y.Doc;
};

type Changes = { added: number[]; updated: number[]; removed: number[] };
type Listener = (changes: Changes, origin: unknown) => void;
type PositionJSON = Parameters<typeof Y.createRelativePositionFromJSON>[0];

/** Whether a relative position (as sent in presence) resolves into the fragment, at any depth; null if it does not resolve. */
function positionIn(json: unknown, fragment: Y.XmlFragment, doc: Y.Doc): boolean | null {
  if (typeof json !== 'object' || json === null) return false;
  const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json as PositionJSON), doc);
  if (!position) return null;
  return position.type === fragment || (position.type._item !== null && Y.isParentOf(fragment, position.type._item));
}

/**
 * Whether a presence state's caret may be drawn in the fragment: it resolves there, or it does not resolve yet.
 * Presence can overtake the text it points into (the server relays presence at once, an update once it is stored),
 * and the caret plugin draws it when that text arrives: it must then hear of the caret's leaving.
 */
export function caretMayBeIn(state: unknown, fragment: Y.XmlFragment, doc: Y.Doc): boolean {
  const cursor = (state as { cursor?: { anchor?: unknown; head?: unknown } | null } | undefined)?.cursor;
  if (!cursor) return false;
  return positionIn(cursor.anchor, fragment, doc) !== false || positionIn(cursor.head, fragment, doc) !== false;
}

/**
 * The shared awareness as seen by the caret plugin of the editor on `fragment`. Everything passes through but
 * 'change', which is told only of colleagues whose caret is, or may have been at the last change, in this fragment. The
 * plugin redraws from all states when told, so a change it is not told of is one that would not alter its carets.
 */
export function caretAwareness(awareness: Awareness, fragment: Y.XmlFragment): CaretAwareness {
  const doc = fragment.doc as Y.Doc;
  const listeners = new Set<Listener>();
  // Colleagues whose caret may have been drawn here at their last change: their leaving (or going) is a change here too.
  const here = new Set<number>();
  const concernsHere = (changes: Changes): boolean => {
    let concerns = false;
    const states = awareness.getStates();
    for (const clientId of [...changes.added, ...changes.updated, ...changes.removed]) {
      // This tab's own caret is never drawn (y-tiptap's default filter), so its moves concern no editor here.
      if (clientId === awareness.clientID) continue;
      const inside = caretMayBeIn(states.get(clientId), fragment, doc);
      if (inside || here.has(clientId)) concerns = true;
      if (inside) here.add(clientId);
      else here.delete(clientId);
    }
    return concerns;
  };
  const onChange: Listener = (changes, origin) => {
    if (!concernsHere(changes)) return;
    for (const listener of listeners) listener(changes, origin);
  };
  return {
    get states() {
      return awareness.states;
    },
    get clientID() {
      return awareness.clientID;
    },
    get doc() {
      return awareness.doc;
    },
    getStates: () => awareness.getStates(),
    getLocalState: () => awareness.getLocalState(),
    setLocalState: (state) => awareness.setLocalState(state),
    setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
    on: (name, listener) => {
      if (name !== 'change') return awareness.on(name, listener);
      if (listeners.size === 0) {
        // Colleagues already here when the plugin starts listening (it draws them from the states at its start).
        for (const [clientId, state] of awareness.getStates()) if (clientId !== awareness.clientID && caretMayBeIn(state, fragment, doc)) here.add(clientId);
        awareness.on('change', onChange);
      }
      listeners.add(listener as Listener);
      return listener;
    },
    off: (name, listener) => {
      if (name !== 'change') return awareness.off(name, listener);
      listeners.delete(listener as Listener);
      if (listeners.size === 0) {
        awareness.off('change', onChange);
        here.clear();
      }
    },
  };
}

/** Typing paused this long: the caret is published. */
export const PUBLISH_PAUSE_MS = 60;
/** Typing without a pause: the caret is still published this often. */
export const PUBLISH_AT_LEAST_MS = 250;

/**
 * The caret plugin with its view's `update` (which turns the selection into Yjs relative positions, a walk of the
 * fragment up to the caret, and publishes them) run once typing pauses instead of after every transaction. Focus
 * and blur still publish (or withdraw) at once: the plugin listens to them itself, not through `update`.
 */
export function publishAfterPause(plugin: Plugin): Plugin {
  const makeView = plugin.spec.view;
  if (!makeView) return plugin;
  return new Plugin({
    ...plugin.spec,
    view: (view: EditorView): PluginView => {
      const inner = makeView(view);
      let timer: ReturnType<typeof setTimeout> | undefined;
      let firstPending = 0;
      const run = () => {
        timer = undefined;
        firstPending = 0;
        if (!view.isDestroyed) inner.update?.(view, view.state);
      };
      return {
        update: () => {
          const now = Date.now();
          if (firstPending === 0) firstPending = now;
          clearTimeout(timer);
          timer = setTimeout(run, Math.max(0, Math.min(PUBLISH_PAUSE_MS, firstPending + PUBLISH_AT_LEAST_MS - now)));
        },
        destroy: () => {
          clearTimeout(timer);
          inner.destroy?.();
        },
      };
    },
  });
}
