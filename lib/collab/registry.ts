// The co-editing server of this process, where route handlers and server
// actions can reach it: a restore changes a document its clients hold.
//
// Next bundles those apart from scripts/server.ts, with a Yjs of their own, and
// a document of the server's must never be changed through that other copy:
// Yjs tells its structures apart by constructor, so an update applied by the
// wrong copy finds no parent for its items and integrates them as garbage (the
// text is lost, and its clock spent). Only bytes cross: the server's half
// applies the change with its own Yjs.

export type LiveDocuments = {
  /**
   * Opens the live document (loading it if no client holds it), gives `change`
   * its state as an update, and applies the update `change` returns (none: no
   * change) to it, so every connected client receives it.
   */
  change(documentName: string, change: (state: Uint8Array) => Promise<Uint8Array | null>): Promise<'live' | 'no-document'>;
};

const KEY = Symbol.for('sahifa.collab');
type Holder = { [KEY]?: LiveDocuments };

export function registerCollab(live: LiveDocuments | undefined): void {
  (globalThis as Holder)[KEY] = live;
}

export function runningCollab(): LiveDocuments | undefined {
  return (globalThis as Holder)[KEY];
}
