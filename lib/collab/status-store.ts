import { initialCollabState, reduceCollab, type CollabEvent, type CollabState } from './status';

// The co-editing status changes with every keystroke (a change waits for the
// server, then is acknowledged; the stored working copy lags, then catches
// up). Kept in React state at the editor page's top, each change re-rendered
// the whole page (toolbar, text fields, side panels) twice per keystroke,
// several milliseconds on every key. Kept here instead, each component reads
// only what it shows (useSyncExternalStore), so a keystroke re-renders the
// status line and whatever waits on the server, nothing else.

export type CollabSnapshot = {
  state: CollabState;
  /** Whether this tab's changes are all in the stored working copy (./stored.ts). */
  stored: boolean;
};

export type CollabStatusStore = {
  get: () => CollabSnapshot;
  subscribe: (listener: () => void) => () => void;
  dispatch: (event: CollabEvent) => void;
  setStored: (stored: boolean) => void;
};

const sameState = (a: CollabState, b: CollabState) => (Object.keys(a) as (keyof CollabState)[]).every((key) => a[key] === b[key]);

export function createCollabStatusStore(at: number): CollabStatusStore {
  let snapshot: CollabSnapshot = { state: initialCollabState(at), stored: true };
  const listeners = new Set<() => void>();
  const set = (next: CollabSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (event) => {
      const state = reduceCollab(snapshot.state, event);
      // The reducer answers a new object every time; listeners hear only of a real change.
      if (!sameState(state, snapshot.state)) set({ ...snapshot, state });
    },
    setStored: (stored) => {
      if (stored !== snapshot.stored) set({ ...snapshot, stored });
    },
  };
}

/** Whether the server may be behind this tab: its text not all acknowledged, or not all in the stored working copy yet. */
export function waitingForServer({ state, stored }: CollabSnapshot): boolean {
  return !stored || !(state.open && state.synced && state.scope !== null && state.unsyncedSince === null);
}

/** Whether the server lets this tab edit (not read-only, not refused). */
export const serverAllowsEditing = ({ state }: CollabSnapshot): boolean => state.scope !== 'readonly' && state.refused === null;
