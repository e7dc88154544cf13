// What the editor's status line says about the shared document: a pure
// reduction of the provider's events, so the rules are unit-tested and the
// component only renders. The line never says "syncing" for longer than the
// server takes to answer: after SYNC_PATIENCE_MS without an acknowledgement it
// says the server is not answering, and since when. Edits are safe on the
// device meanwhile (IndexedDB), and go when the server answers again.

export const SYNC_PATIENCE_MS = 5000;

/** Refusals the server answers when Postgres does not (lib/collab/server.ts): it closes the socket, and the client retries. */
const RETRIED_REFUSALS = new Set(['storage-unavailable']);

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
    // Open again is not yet back: "offline since" holds until the document is synced.
    case 'open':
      return { ...state, open: true, refused: null };
    case 'close':
      return { ...state, open: false, closedAt: state.closedAt ?? event.at, lastCloseReason: event.reason || state.lastCloseReason, synced: false, scope: null };
    case 'authenticated':
      return { ...state, scope: event.scope, refused: null };
    case 'refused':
      // The database not answering is an outage, not a refusal: the server closes the socket and the client retries.
      if (RETRIED_REFUSALS.has(event.reason.split(':')[0]!.trim())) return { ...state, lastCloseReason: event.reason, scope: null };
      return { ...state, refused: event.reason, scope: null };
    case 'synced':
      return { ...state, synced: true, closedAt: null, lastCloseReason: null };
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
  /** Read-only, and this tab holds text the server refused (typed before the story left this person's hands). */
  | { kind: 'read-only-unsaved' }
  | { kind: 'refused'; reason: string };

/** The one status to show at `now`. Refusal wins, then being offline, then read-only, then the sync state. */
export function collabStatus(state: CollabState, now: number): CollabStatus {
  if (state.refused) return { kind: 'refused', reason: state.refused };
  // Still down after a loss with a reason: the socket may be open again, but nothing is authenticated or synced yet.
  const reconnecting = state.open && state.scope === null && state.lastCloseReason !== null && state.closedAt !== null;
  if (!state.open || reconnecting) return state.lastCloseReason === null && state.scope === null && !state.synced && now - (state.closedAt ?? now) < SYNC_PATIENCE_MS ? { kind: 'connecting' } : { kind: 'offline', sinceMs: now - (state.closedAt ?? now), reason: state.lastCloseReason };
  // A read-only connection's changes are answered "not applied" (Hocuspocus), so they stay unacknowledged for good,
  // through every re-sync (each sends them again): text typed offline before the story went to review, say. The
  // person must be told it is not saved; a tab with nothing of its own is acknowledged at once.
  if (state.scope === 'readonly') return state.unsyncedSince !== null && now - state.unsyncedSince >= SYNC_PATIENCE_MS ? { kind: 'read-only-unsaved' } : { kind: 'read-only' };
  if (!state.synced || state.scope === null) return { kind: 'connecting' };
  if (state.unsyncedSince === null) return { kind: 'connected' };
  const waiting = now - state.unsyncedSince;
  return waiting < SYNC_PATIENCE_MS ? { kind: 'syncing' } : { kind: 'not-answering', sinceMs: waiting };
}
