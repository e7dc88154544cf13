'use client';

import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { editorRequestSignal } from '@/lib/http/request-timeout';

/**
 * Ctrl+S: asks the server for a checkpoint (a revision of the whole story in
 * its history). The text itself needs no saving: every keystroke is the
 * shared document's already. The request carries this copy's state vector, so
 * the checkpoint holds everything this person saw (the server waits briefly
 * for it to be stored, and answers 409 if it is still behind). Answers
 * whether the server made one.
 */
export async function requestCheckpoint(storyId: string, doc: Y.Doc): Promise<boolean> {
  const body = JSON.stringify({ stateVector: toBase64(Y.encodeStateVector(doc)) });
  for (let attempt = 1; attempt <= BEHIND_ATTEMPTS; attempt += 1) {
    const response = await fetch(`/api/stories/${storyId}/checkpoint`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: editorRequestSignal() }).catch(() => null);
    // 409: the server has not stored all this copy had yet (the last keystrokes are on their way).
    if (response?.status !== 409) return response?.ok ?? false;
    await new Promise((resolve) => setTimeout(resolve, BEHIND_WAIT_MS));
  }
  return false;
}

const BEHIND_ATTEMPTS = 3;
const BEHIND_WAIT_MS = 1000;
