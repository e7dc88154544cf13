import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { encode } from 'next-auth/jwt';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Database } from '@/db/index';
import { documentNameOf } from '@/lib/collab/fields';
import { COLLAB_PATH, createCollabServer, type CollabOptions } from '@/lib/collab/server';
import { sessionVersionOf } from './staff';
import { eventually } from './poll';

// Real sockets for co-editing tests: the collab server on a plain HTTP
// server (the same handleUpgrade scripts/server.ts routes to), and Node
// clients speaking the Hocuspocus protocol with a session cookie, as a
// browser tab would.

export const COLLAB_TEST_SECRET = 'collab-test-secret-of-at-least-32-characters';
const COOKIE = 'authjs.session-token';

export async function startCollab(db: Database, options: Partial<CollabOptions> = {}) {
  const collab = createCollabServer({ db, authSecret: COLLAB_TEST_SECRET, ...options });
  const server = createServer((_, response) => response.writeHead(404).end());
  server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${COLLAB_PATH}`;
  return {
    url,
    collab,
    close: async () => {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The cookie Auth.js would have set for this user at sign-in. */
export async function sessionCookie(user: { id: string }, sessionVersion: number, secret = COLLAB_TEST_SECRET): Promise<string> {
  return `${COOKIE}=${await encode({ token: { uid: user.id, sv: sessionVersion }, secret, salt: COOKIE })}`;
}

export type TestClient = { provider: HocuspocusProvider; doc: Y.Doc; closes: { code: number; reason: string }[]; denied: string[] };

/** A client tab on one story; resolves once it is synced or refused. */
export async function connectClient(url: string, storyId: string, cookie: string | null): Promise<TestClient> {
  const doc = new Y.Doc();
  const closes: TestClient['closes'] = [];
  const denied: string[] = [];
  class CookieSocket extends WebSocket {
    constructor(address: string) {
      super(address, { headers: cookie ? { cookie } : {} });
      this.on('close', (code, reason) => closes.push({ code, reason: reason.toString() }));
    }
  }
  const provider = await new Promise<HocuspocusProvider>((resolve) => {
    const created: HocuspocusProvider = new HocuspocusProvider({
      websocketProvider: new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CookieSocket }),
      name: documentNameOf(storyId),
      document: doc,
      token: 'cookie',
      onSynced: () => resolve(created),
      onAuthenticationFailed: ({ reason }) => {
        denied.push(reason);
        resolve(created);
      },
    });
    created.attach();
  });
  return { provider, doc, closes, denied };
}

/** Waits until the server has acknowledged every change this client made. */
export async function acknowledged(client: TestClient, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (client.provider.hasUnsyncedChanges) {
    if (Date.now() > until) throw new Error('changes not acknowledged in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export { eventually };

/** Types into a text field's single paragraph, as the one-line field editor does. */
export function typeIntoField(doc: Y.Doc, field: string, text: string): void {
  const fragment = doc.getXmlFragment(field);
  doc.transact(() => {
    let paragraph = fragment.get(0) as Y.XmlElement | undefined;
    if (!paragraph) {
      paragraph = new Y.XmlElement('paragraph');
      fragment.insert(0, [paragraph]);
    }
    let run = paragraph.get(0) as Y.XmlText | undefined;
    if (!run) {
      run = new Y.XmlText();
      paragraph.insert(0, [run]);
    }
    run.insert(run.length, text);
  });
}

export function fieldText(doc: Y.Doc, field: string): string {
  const paragraph = doc.getXmlFragment(field).get(0) as Y.XmlElement | undefined;
  return paragraph ? paragraph.toArray().map((child) => (child as Y.XmlText).toString()).join('') : '';
}

/**
 * Takes a tab offline (its socket closed and kept closed, as a lost network would) and resolves once the provider
 * has heard the close. Until then its socket still says connected, and `connect()` returns at once without even
 * noting that it should connect (@hocuspocus/provider 3.4.4): the close that then arrives is taken as wanted, and the
 * tab stays offline for good. Called right after `disconnect()`, on a busy machine, it did so now and then.
 */
export async function goOffline(client: TestClient, timeoutMs = 5000): Promise<void> {
  const socket = client.provider.configuration.websocketProvider;
  socket.disconnect();
  await eventually(() => socket.status, (now) => now === WebSocketStatus.Disconnected, timeoutMs);
}

/** Brings a tab that went offline (goOffline) back; resolves once the server has answered its new socket. */
export async function goOnline(client: TestClient): Promise<void> {
  const socket = client.provider.configuration.websocketProvider;
  if (socket.status !== WebSocketStatus.Disconnected) throw new Error(`the socket is ${socket.status}, not disconnected: connect() would do nothing`);
  await socket.connect();
}

export function leave(client: TestClient): void {
  client.provider.configuration.websocketProvider.destroy();
  client.provider.destroy();
}

/** The tabs a test file opens, each signed in as its user with their current session version; all left at the end. */
export function tabsOf(db: Database) {
  const open: TestClient[] = [];
  return {
    async join(url: string, user: { id: string }, storyId: string): Promise<TestClient> {
      const tab = await connectClient(url, storyId, await sessionCookie(user, await sessionVersionOf(db, user.id)));
      open.push(tab);
      return tab;
    },
    leaveAll: () => open.forEach(leave),
  };
}
