// What the editor's status line says about the shared document: a pure
// reduction of the provider's events, so the rules are unit-tested and the
// component only renders. The line never says "syncing" for longer than the
// server takes to answer: after SYNC_PATIENCE_MS without an acknowledgement it
// says the server is not answering, and since when. Edits are safe on the
// device meanwhile (IndexedDB), and go when the server answers again.

export const SYNC_PATIENCE_MS = 5000;

export type CollabEvent =
  | { type: 'open'; at: number }
  | { type: 'close'; at: number; reason: string }
  | { type: 'authenticated'; scope: 'read-write' | 'readonly' }
  | { type: 'refused'; reason: string }
  | { type: 'synced' }
  | { type: 'unsynced'; count: number; at: number };

export type CollabState = {
  open: boolean;
  /** When the socket last closed (offline since), or null while open. */
  closedAt: number | null;
  lastCloseReason: string | null;
  scope: 'read-write' | 'readonly' | null;
  synced: boolean;
  unsynced: number;
  /** When the oldest unacknowledged change was made. */
  unsyncedSince: number | null;
  refused: string | null;
};

export const initialCollabState = (at: number): CollabState => ({ open: false, closedAt: at, lastCloseReason: null, scope: null, synced: false, unsynced: 0, unsyncedSince: null, refused: null });

export function reduceCollab(state: CollabState, event: CollabEvent): CollabState {
  switch (event.type) {
    case 'open':
      return { ...state, open: true, closedAt: null, refused: null };
    case 'close':
      return { ...state, open: false, closedAt: state.closedAt ?? event.at, lastCloseReason: event.reason || state.lastCloseReason, synced: false, scope: null };
    case 'authenticated':
      return { ...state, scope: event.scope, refused: null };
    case 'refused':
      return { ...state, refused: event.reason, scope: null };
    case 'synced':
      return { ...state, synced: true };
    case 'unsynced':
      return { ...state, unsynced: event.count, unsyncedSince: event.count === 0 ? null : (state.unsyncedSince ?? event.at) };
  }
}

export type CollabStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'syncing' }
  | { kind: 'not-answering'; sinceMs: number }
  | { kind: 'offline'; sinceMs: number; reason: string | null }
  | { kind: 'read-only' }
  | { kind: 'refused'; reason: string };

/** The one status to show at `now`. Refusal wins, then being offline, then read-only, then the sync state. */
export function collabStatus(state: CollabState, now: number): CollabStatus {
  if (state.refused) return { kind: 'refused', reason: state.refused };
  if (!state.open) return state.lastCloseReason === null && state.scope === null && !state.synced && now - (state.closedAt ?? now) < SYNC_PATIENCE_MS ? { kind: 'connecting' } : { kind: 'offline', sinceMs: now - (state.closedAt ?? now), reason: state.lastCloseReason };
  if (state.scope === 'readonly') return { kind: 'read-only' };
  if (!state.synced || state.scope === null) return { kind: 'connecting' };
  if (state.unsyncedSince === null) return { kind: 'connected' };
  const waiting = now - state.unsyncedSince;
  return waiting < SYNC_PATIENCE_MS ? { kind: 'syncing' } : { kind: 'not-answering', sinceMs: waiting };
}
