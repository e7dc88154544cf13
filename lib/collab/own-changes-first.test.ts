// @vitest-environment happy-dom
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateInMessage } from './messages';
import { sendOwnChangesFirst } from './own-changes-first';

// A real provider that never connects; the socket's send is where the first message would go.
function tab() {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: 'ws://127.0.0.1:9/collab', autoConnect: false });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'story:test', document: doc, token: 'cookie' });
  const sent: Uint8Array[] = [];
  socket.send = (message: Uint8Array) => void sent.push(message);
  const stop = sendOwnChangesFirst(provider, doc, 'story:test');
  return { doc, provider, sent, close: () => (stop(), provider.destroy(), socket.destroy()) };
}

/** The socket opened: the provider says so, then authenticates and starts its own sync (to the stub as well). */
const opened = (provider: HocuspocusProvider) => void provider.onOpen(new Event('open') as unknown as Parameters<HocuspocusProvider['onOpen']>[0]);

describe('sendOwnChangesFirst', () => {
  it('on opening, sends as a sync state what was typed since the server acknowledged everything, and only that', () => {
    const { doc, provider, sent, close } = tab();
    const text = doc.getText('t');
    text.insert(0, 'قبل ');
    // Everything this tab sent is acknowledged.
    while (provider.hasUnsyncedChanges) provider.decrementUnsyncedChanges();
    text.insert(text.length, 'بعد');
    opened(provider);
    // First, before the provider's own messages.
    const carried = updateInMessage(sent[0]!);
    expect(carried).toMatchObject({ documentName: 'story:test', initialSync: true });
    // Only the letters typed after the sync.
    const { structs } = Y.decodeUpdate(carried!.update);
    expect(structs.map((struct) => [struct.id.clock, struct.length])).toEqual([['قبل '.length, 'بعد'.length]]);
    close();
  });

  it('after a sync whose changes were refused (read-only), still sends them', () => {
    const { doc, provider, sent, close } = tab();
    doc.getText('t').insert(0, 'مرفوض');
    provider.incrementUnsyncedChanges();
    provider.synced = true;
    opened(provider);
    const server = new Y.Doc();
    Y.applyUpdate(server, updateInMessage(sent[0]!)!.update);
    expect(server.getText('t').toString()).toBe('مرفوض');
    close();
  });

  it('sends the copy a page opened on before any sync, and nothing for an empty one', () => {
    const empty = tab();
    opened(empty.provider);
    expect(empty.sent.map(updateInMessage).filter(Boolean)).toHaveLength(0);
    empty.close();
    const { doc, provider, sent, close } = tab();
    doc.getText('t').insert(0, 'من نسخة الجهاز');
    opened(provider);
    const server = new Y.Doc();
    Y.applyUpdate(server, updateInMessage(sent[0]!)!.update);
    expect(server.getText('t').toString()).toBe('من نسخة الجهاز');
    close();
  });
});
