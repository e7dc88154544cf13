'use client';

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { BODY_FIELD, COLLAB_PATH, documentNameOf } from '@/lib/collab/fields';
import type { PresenceUser } from '@/lib/collab/presence';
import { batchLocalWrites } from '@/lib/collab/local-copy';
import { sendOwnChangesFirst } from '@/lib/collab/own-changes-first';
import { sendAfterPaint } from '@/lib/collab/send-after-paint';
import { createCollabStatusStore } from '@/lib/collab/status-store';
import { covers, storedStateVector } from '@/lib/collab/stored';

/** The story's shared document and its connection: one per open editor. */
export type Collab = { doc: Y.Doc; provider: HocuspocusProvider; user: PresenceUser };

// A server that hangs (process frozen, network black hole) sends nothing. The
// provider asks for a sync every FORCE_SYNC_MS, which a live server always
// answers, and drops the socket after SILENCE_MS without any message; it then
// reconnects with its backoff, capped at MAX_RETRY_DELAY_MS so a server that
// comes back is found within seconds.
const FORCE_SYNC_MS = 4000;
const SILENCE_MS = 12_000;
const MAX_RETRY_DELAY_MS = 5000;
/** The longest the socket waits for this device's copy to load before it opens anyway. */
const LOCAL_COPY_WAIT_MS = 2000;

/** The socket's address on the page's own origin: same host and port, ws or wss as the page is http or https. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

/**
 * Opens the story's Yjs document: first this device's own copy (IndexedDB,
 * so edits made offline survive a closed tab and merge when it reopens),
 * then the server's over the socket, authenticated by the session cookie.
 * Created in an effect, not during render, so React's double mount in
 * development cannot leave a second socket open.
 */
export function useCollab(storyId: string, user: PresenceUser) {
  const [collab, setCollab] = useState<Collab | null>(null);
  // Editing waits for a copy of the document that came from the server once (now or on an earlier visit,
  // kept on this device): text typed into an empty stand-in would land beside the real text, not in it.
  const [ready, setReady] = useState(false);
  // The connection's state and whether this tab's changes are stored: outside React state, since both change
  // with every keystroke and only a few components show them (lib/collab/status-store.ts).
  const [status] = useState(() => createCollabStatusStore(Date.now()));
  const { dispatch, setStored } = status;
  const { id, name, color } = user;

  useEffect(() => {
    const doc = new Y.Doc();
    const documentName = documentNameOf(storyId);
    const local = new IndexeddbPersistence(documentName, doc);
    // Written once typing pauses, not per keystroke; at once when the page goes (lib/collab/local-copy.ts).
    const stopLocalWrites = batchLocalWrites(local, doc);
    // The server gives every story's document a body from its first open: a local copy with none never met the server.
    let open = true;
    // The editors bind once this device's copy is loaded, so they open on it rather than on an empty page.
    void local.whenSynced.then(() => {
      if (!open) return;
      setCollab({ doc, provider, user: { id, name, color } });
      if (doc.getXmlFragment(BODY_FIELD).length > 0) setReady(true);
    });
    const socket = new HocuspocusProviderWebsocket({ url: collabUrl(window.location), messageReconnectTimeout: SILENCE_MS, maxDelay: MAX_RETRY_DELAY_MS });
    const at = () => Date.now();
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      // The session cookie authenticates; Hocuspocus only needs a token to be sent at all.
      token: 'cookie',
      forceSyncInterval: FORCE_SYNC_MS,
      onOpen: () => dispatch({ type: 'open', at: at() }),
      onClose: ({ event }) => dispatch({ type: 'close', at: at(), reason: event.reason ?? '' }),
      onAuthenticated: ({ scope }) => dispatch({ type: 'authenticated', scope }),
      onAuthenticationFailed: ({ reason }) => dispatch({ type: 'refused', reason }),
      onSynced: ({ state: synced }) => {
        if (!synced) return;
        dispatch({ type: 'synced' });
        setReady(true);
      },
      onUnsyncedChanges: ({ number }) => dispatch({ type: 'unsynced', count: number, at: at() }),
    });
    // This tab's updates go out just after the frame that shows them is painted (lib/collab/send-after-paint.ts).
    const stopSending = sendAfterPaint(provider, doc, local);
    // And on each opening of the socket, what it typed while away goes before anything comes in (own-changes-first.ts).
    const stopSendingFirst = sendOwnChangesFirst(provider, doc, documentName);
    // This tab's changes: what the next stored message must cover.
    let wanted: Map<number, number> | null = null;
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === provider || origin === local) return;
      wanted = Y.decodeStateVector(Y.encodeStateVector(doc));
      setStored(false);
    });
    provider.on('stateless', ({ payload }: { payload: string }) => {
      const vector = storedStateVector(payload);
      if (!vector || !wanted || !covers(vector, wanted)) return;
      wanted = null;
      setStored(true);
    });
    provider.setAwarenessField('user', { id, name, color } satisfies PresenceUser);
    // The socket opens once this device's copy is loaded, so that what the copy holds and the server lacks goes first;
    // or after LOCAL_COPY_WAIT_MS without it (a browser whose IndexedDB does not answer still edits, online).
    let attached = false;
    const attach = () => {
      if (!open || attached) return;
      attached = true;
      provider.attach();
    };
    void local.whenSynced.then(attach);
    const waiting = setTimeout(attach, LOCAL_COPY_WAIT_MS);
    return () => {
      open = false;
      setCollab(null);
      setReady(false);
      setStored(true);
      clearTimeout(waiting);
      stopSending();
      stopSendingFirst();
      provider.destroy();
      socket.destroy();
      stopLocalWrites();
      void local.destroy();
      doc.destroy();
    };
  }, [storyId, id, name, color, dispatch, setStored]);

  return { collab, status, ready };
}
