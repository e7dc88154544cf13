import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { covers, storedMessage, storedStateVector } from './stored';

describe('the stored message', () => {
  it('carries the stored state vector, and says whether it covers a tab’s changes', () => {
    const server = new Y.Doc();
    const tab = new Y.Doc();
    tab.getText('t').insert(0, 'أول');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(tab));
    const stored = storedStateVector(storedMessage(Y.encodeStateVector(server)))!;
    expect(covers(stored, Y.decodeStateVector(Y.encodeStateVector(tab)))).toBe(true);
    tab.getText('t').insert(3, ' ثم ثانٍ');
    expect(covers(stored, Y.decodeStateVector(Y.encodeStateVector(tab)))).toBe(false);
  });

  it('reads no state vector from any other stateless message', () => {
    expect(storedStateVector('hello')).toBeNull();
    expect(storedStateVector('{"other":1}')).toBeNull();
    expect(storedStateVector('null')).toBeNull();
  });
});
