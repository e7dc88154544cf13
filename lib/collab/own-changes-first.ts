import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { isEmptyUpdate, syncStateMessage } from './messages';

// A tab that comes back online (or a page reopened on this device's copy) must
// send what it typed meanwhile before it takes in what the server has. The
// provider does it the other way round: it asks the server for what it lacks,
// applies that, and only then answers with its own state. If a colleague made
// a subheading (or a quote, a list, a join) of the paragraph it was typing in,
// applying that deletes its letters on its own screen, and Yjs discards their
// content there at once: they never leave the device, and nobody, the server
// included (lib/collab/unseen-letters.ts), can bring them back. So on every
// opening of the socket, this tab first sends, as the first step of the sync
// would, everything it holds that the server did not have at the last sync.
// The server takes in what it lacks and ignores the rest.

/** A larger state is left to the provider's own sync (the server caps a message's size). */
export const MAX_FIRST_BYTES = 1024 * 1024;

/** Sends this tab's changes first on each opening of the provider's socket; returns the function that stops. */
export function sendOwnChangesFirst(provider: HocuspocusProvider, doc: Y.Doc, documentName: string): () => void {
  // What the server surely had: everything in this document when the server had last acknowledged every change
  // this tab sent (not merely synced: a read-only sync refuses them). Before that, nothing: the whole copy goes.
  let serverHad: Uint8Array | undefined;
  const onUnsynced = ({ number }: { number: number }) => {
    if (number === 0) serverHad = Y.encodeStateVector(doc);
  };
  const onOpen = () => {
    if (!serverHad && doc.store.clients.size === 0) return;
    const update = Y.encodeStateAsUpdate(doc, serverHad);
    if (isEmptyUpdate(update) || update.byteLength > MAX_FIRST_BYTES) return;
    // Sent before the provider's authentication: the server holds it until the connection is authenticated, then
    // handles it first. Counted as a change that waits for the server, as the provider counts its own.
    provider.incrementUnsyncedChanges();
    provider.configuration.websocketProvider.send(syncStateMessage(documentName, update));
  };
  provider.on('unsyncedChanges', onUnsynced);
  provider.on('open', onOpen);
  return () => {
    provider.off('unsyncedChanges', onUnsynced);
    provider.off('open', onOpen);
  };
}
