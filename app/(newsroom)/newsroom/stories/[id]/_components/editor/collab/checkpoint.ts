'use client';

import { editorRequestSignal } from '@/lib/http/request-timeout';

/**
 * Ctrl+S: asks the server for a checkpoint (a revision of the whole story in
 * its history). The text itself needs no saving: every keystroke is the
 * shared document's already. Answers whether the server made one.
 */
export async function requestCheckpoint(storyId: string): Promise<boolean> {
  const response = await fetch(`/api/stories/${storyId}/checkpoint`, { method: 'POST', signal: editorRequestSignal() }).catch(() => null);
  return response?.ok ?? false;
}
