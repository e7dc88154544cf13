import 'server-only';
import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { getDb, type Executor } from '@/db';
import { storyDocuments, storyDocumentUpdates } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize } from '@/lib/dal';
import { consumeQuota, type Quota, type QuotaConfig } from '@/lib/http/quota';
import { takeCheckpoint } from './checkpoints';
import { lockForEdit } from './working-copy';

// Ctrl+S in the editor: a checkpoint now, of the story as the person sees
// it. Only someone who may edit the story takes one (lockForEdit: not found
// for a story they may not open, Forbidden for one they may only read).

/** Per person, across instances (counted in Postgres): Ctrl+S held down is not a thousand checkpoints. */
export const CHECKPOINT_QUOTA: QuotaConfig = { limit: 20, windowMs: 60_000 };

export function consumeCheckpointQuota(userId: string, config: QuotaConfig = CHECKPOINT_QUOTA): Promise<Quota> {
  return consumeQuota(getDb(), `checkpoint:${userId}`, config, now());
}

/** A client's state vector from its base64, or null when it is not one. */
export function decodeStateVector(base64: string): Uint8Array | null {
  try {
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
    Y.decodeStateVector(bytes);
    return bytes;
  } catch {
    return null;
  }
}

/** Whether the stored document (snapshot plus log) holds everything a client's state vector says it has seen. */
async function storedCovers(tx: Executor, storyId: string, stateVector: Uint8Array): Promise<boolean> {
  const seen = Y.decodeStateVector(stateVector);
  const [document] = await tx.select({ state: storyDocuments.state }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  // Never opened together: the client has nothing the server lacks, or it would have been seeded and logged.
  if (!document) return true;
  const log = await tx.select({ update: storyDocumentUpdates.update }).from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, storyId)).orderBy(asc(storyDocumentUpdates.id));
  const stored = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates([document.state, ...log.map((row) => row.update)])));
  return [...seen].every(([client, clock]) => (stored.get(client) ?? 0) >= clock);
}

export type CheckpointOutcome = { status: 'taken'; revisionId: string } | { status: 'unchanged' } | { status: 'behind' };

/**
 * Takes the checkpoint, or says `behind` when the server has not stored all
 * the client has seen yet (its last keystrokes still on their way): the
 * client retries once its changes are acknowledged. Null: no such story, to them.
 */
export async function checkpointStory(actor: CurrentUser | null, storyId: string, input: { stateVector: Uint8Array }): Promise<CheckpointOutcome | null> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    if (!(await lockForEdit(tx, actor, storyId))) return null;
    if (!(await storedCovers(tx, storyId, input.stateVector))) return { status: 'behind' };
    const revisionId = await takeCheckpoint(tx, { storyId, kind: 'checkpoint', actorId: actor.id });
    return revisionId ? { status: 'taken', revisionId } : { status: 'unchanged' };
  });
}
