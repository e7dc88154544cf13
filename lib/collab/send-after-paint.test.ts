// @vitest-environment happy-dom
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AT_MOST_MS, sendAfterPaint } from './send-after-paint';

// A real provider that never connects: what it would send is what it counts as waiting for the server.
function tab(ownCopy?: unknown) {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: 'ws://127.0.0.1:9/collab', autoConnect: false });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'story:test', document: doc, token: 'cookie' });
  const sent: Uint8Array[] = [];
  const documentUpdateHandler = provider.documentUpdateHandler.bind(provider);
  provider.documentUpdateHandler = (update, origin) => {
    sent.push(update);
    documentUpdateHandler(update, origin);
  };
  const stop = sendAfterPaint(provider, doc, ownCopy);
  return { doc, provider, sent, stop, close: () => (provider.destroy(), socket.destroy()) };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe('sendAfterPaint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the updates of one frame after it, as one message that holds them all', async () => {
    const { doc, provider, sent, close } = tab();
    const text = doc.getText('t');
    for (const letter of 'خبر') text.insert(text.length, letter);
    expect(provider.unsyncedChanges).toBe(0);
    // After the frame (its callback, then a message): well before the fallback's AT_MOST_MS, whatever the timers' order.
    await frame();
    await vi.waitFor(() => expect(sent).toHaveLength(1), { timeout: AT_MOST_MS * 0.8, interval: 1 });
    expect(provider.unsyncedChanges).toBe(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, sent[0] as Uint8Array);
    expect(copy.getText('t').toString()).toBe('خبر');
    close();
  });

  it('never sends back what came from the server, and sends what waits when it stops', async () => {
    const { doc, provider, sent, stop, close } = tab();
    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'من الخادم');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), provider);
    await frame();
    expect(sent).toHaveLength(0);
    doc.getText('t').insert(0, 'هنا ');
    stop();
    expect(sent).toHaveLength(1);
    close();
  });

  it('never sends as a change what this device’s copy loads', async () => {
    const ownCopy = Symbol('IndexedDB');
    const { doc, sent, close } = tab(ownCopy);
    const stored = new Y.Doc();
    stored.getText('t').insert(0, 'نسخة الجهاز');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored), ownCopy);
    await frame();
    await new Promise((resolve) => setTimeout(resolve, AT_MOST_MS));
    expect(sent).toHaveLength(0);
    close();
  });

  it('sends within AT_MOST_MS when the browser draws no frame', async () => {
    // A page the browser stopped drawing frames for, though it still says visible.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const { doc, sent, close } = tab();
    doc.getText('t').insert(0, 'عاجل');
    await new Promise((resolve) => setTimeout(resolve, AT_MOST_MS / 2));
    expect(sent).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, AT_MOST_MS));
    expect(sent).toHaveLength(1);
    close();
  });
});
