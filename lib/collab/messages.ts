import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// Reads just enough of a Hocuspocus message to find a document update in it:
// [document name][message type][sync step][update]. Sync and sync-reply
// messages carry updates in their step 2 and update sub-messages.

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type CarriedUpdate = { documentName: string; update: Uint8Array; initialSync: boolean };

/** The Yjs update a message carries, or null for any other message (awareness, step 1, auth…). */
export function updateInMessage(data: Uint8Array): CarriedUpdate | null {
  const decoder = decoding.createDecoder(data);
  const documentName = decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  return { documentName, update: decoding.readVarUint8Array(decoder), initialSync: step === SYNC_STEP_2 };
}

/** A sync message carrying a whole state (sync step 2), as a provider answers the server's sync: what updateInMessage reads with `initialSync`. */
export function syncStateMessage(documentName: string, state: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_2);
  encoding.writeVarUint8Array(encoder, state);
  return encoding.toUint8Array(encoder);
}

/** An update with no structs and no deletions: what a client sends when it has nothing new. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength <= 2 && update.every((byte) => byte === 0);
}

/** One client's state in a presence (awareness) message: the name it shows (null when it shows none) at a clock. */
export type PresenceClaim = { clientId: number; clock: number; name: string | null };

/**
 * The client states a presence (awareness) message carries, or null for any
 * other message. A state is JSON; presence puts the person in `user.name`.
 * A provider relays the states it heard from others as well as its own.
 */
export function presenceClaims(data: Uint8Array): PresenceClaim[] | null {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const claims: PresenceClaim[] = [];
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    const state = JSON.parse(decoding.readVarString(update)) as { user?: { name?: unknown } } | null;
    claims.push({ clientId, clock, name: state?.user !== undefined ? String(state.user?.name) : null });
  }
  return claims;
}
