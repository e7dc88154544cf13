import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

// "Stored" is more than acknowledged: an acknowledged update is in the log,
// a stored one is in the story's working copy, which the workflow, the
// checklist, preview and search read. After each store the server tells
// every tab the state vector of the document it stored (a stateless
// message); a tab whose own changes that vector covers knows they are all in
// the working copy, and a step such as "submit" acts on them.

type StoredMessage = { stored: string };

export const storedMessage = (stateVector: Uint8Array): string => JSON.stringify({ stored: toBase64(stateVector) } satisfies StoredMessage);

/** The state vector a stored message carries, or null for any other stateless message. */
export function storedStateVector(payload: string): Map<number, number> | null {
  try {
    const message = JSON.parse(payload) as Partial<StoredMessage> | null;
    return typeof message?.stored === 'string' ? Y.decodeStateVector(fromBase64(message.stored)) : null;
  } catch {
    return null;
  }
}

/** Whether everything up to `wanted` is in what was stored. */
export const covers = (stored: Map<number, number>, wanted: Map<number, number>): boolean => [...wanted].every(([client, clock]) => (stored.get(client) ?? 0) >= clock);
