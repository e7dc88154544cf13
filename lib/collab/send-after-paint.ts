import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { whenPageLeaves } from './page-leaving';

// The provider sends each document update over the socket the moment Yjs emits it, inside the keystroke's own
// task: encoding, WebSocket.send (a call into the browser's network process) and the "a change waits for the server"
// status it counts, which re-renders the status line. All of it stood between the keystroke and the frame that
// shows it (docs/co-editing.md, "Per-keystroke work"). Here this tab's updates are sent just after that frame is
// painted (the frame's requestAnimationFrame, then a message: the first task after its rendering), merged into one
// message when several keystrokes fell in one frame. Colleagues see them a frame later; nothing else changes: the
// provider counts and sends them as its own (its unsynced count, hence the status, starts at the send).

/** The longest an update waits for its frame. */
export const AT_MOST_MS = 100;

/**
 * Takes over the provider's sending of `doc`'s updates; returns the function that sends what waits and stops.
 * What `ownCopy` (this device's IndexedDB copy) loads into the document is not sent as a change: its deletions
 * include letters that a colleague's rewrite took on this device, which the server may have written back, and a
 * change says its deletions were made knowingly (lib/collab/unseen-letters.ts). The sync sends what the server
 * lacks of it as a state instead (own-changes-first.ts, and the provider's answer to the server's sync).
 */
export function sendAfterPaint(provider: HocuspocusProvider, doc: Y.Doc, ownCopy?: unknown): () => void {
  doc.off('update', provider.boundDocumentUpdateHandler);
  let pending: Uint8Array[] = [];
  let scheduled = false;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    scheduled = false;
    clearTimeout(fallback);
    if (pending.length === 0) return;
    const update = pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending);
    pending = [];
    // Any origin but the provider's own (which marks updates that came from the server) is sent.
    provider.documentUpdateHandler(update, null);
  };
  const afterPaint = new MessageChannel();
  afterPaint.port1.onmessage = send;
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider || (ownCopy !== undefined && origin === ownCopy)) return;
    pending.push(update);
    if (scheduled) return;
    scheduled = true;
    // A hidden page draws no frames, so it would wait for none: its updates go in the next task.
    if (document.visibilityState === 'hidden') afterPaint.port2.postMessage(null);
    else requestAnimationFrame(() => afterPaint.port2.postMessage(null));
    // And whatever keeps frames from coming (a browser may stop them for a page it still calls visible), the
    // updates never wait longer than this.
    fallback = setTimeout(send, AT_MOST_MS);
  };
  doc.on('update', onUpdate);
  // A page that is hidden before its frame comes (or goes) sends at once.
  const stopListening = whenPageLeaves(send);
  return () => {
    send();
    doc.off('update', onUpdate);
    stopListening();
    afterPaint.port1.close();
  };
}
