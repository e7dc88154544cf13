import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { storyPresence, users, workflowEvents } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { notify } from '@/lib/notifications/notify';
import { authorize, Forbidden } from '@/lib/dal';
import { PRESENCE_EXPIRY_MS } from './autosave';
import { readStoryFacts } from './facts';
import { canEditStory, canOpenStory } from './rules';

// The soft lock on a story's editor. One editor tab holds it at a time; it is
// kept by heartbeats and lapses after a minute of silence. Anyone else who may
// edit can take it over, which is written to the story's history.

export type Presence = { mine: boolean; holder: { name: string; since: Date } | null };

async function requireEditable(tx: Transaction, actor: CurrentUser, storyId: string) {
  const facts = await readStoryFacts(tx, storyId);
  if (!facts || !canOpenStory(actor, facts)) return false;
  if (!canEditStory(actor, facts)) throw new Forbidden('stories:edit');
  return true;
}

async function holderOf(tx: Transaction, storyId: string) {
  const [row] = await tx
    .select({ presence: storyPresence, name: users.displayName })
    .from(storyPresence)
    .innerJoin(users, eq(users.id, storyPresence.userId))
    .where(eq(storyPresence.storyId, storyId))
    .for('update', { of: storyPresence });
  return row ?? null;
}

const alive = (lastSeenAt: Date, at: Date) => at.getTime() - lastSeenAt.getTime() < PRESENCE_EXPIRY_MS;

/** Keeps or claims the lock for this editor tab, unless someone else holds it. */
export async function heartbeat(actor: CurrentUser | null, storyId: string, sessionId: string): Promise<Presence | null> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    if (!(await requireEditable(tx, actor, storyId))) return null;
    const at = now();
    const current = await holderOf(tx, storyId);
    // Another person's live tab holds it. The same person's other tab (say, one that crashed) does not keep it from them.
    if (current && current.presence.sessionId !== sessionId && current.presence.userId !== actor.id && alive(current.presence.lastSeenAt, at)) {
      return { mine: false, holder: { name: current.name, since: current.presence.startedAt } };
    }
    const startedAt = current?.presence.sessionId === sessionId && alive(current.presence.lastSeenAt, at) ? current.presence.startedAt : at;
    await tx
      .insert(storyPresence)
      .values({ storyId, userId: actor.id, sessionId, startedAt, lastSeenAt: at })
      .onConflictDoUpdate({ target: storyPresence.storyId, set: { userId: actor.id, sessionId, startedAt, lastSeenAt: at } });
    return { mine: true, holder: { name: actor.displayName, since: startedAt } };
  });
}

/** Takes the lock from whoever holds it. The previous holder learns it on their next heartbeat. */
export async function takeOver(actor: CurrentUser | null, storyId: string, sessionId: string): Promise<Presence | null> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    if (!(await requireEditable(tx, actor, storyId))) return null;
    const at = now();
    const previous = await holderOf(tx, storyId);
    await tx
      .insert(storyPresence)
      .values({ storyId, userId: actor.id, sessionId, startedAt: at, lastSeenAt: at })
      .onConflictDoUpdate({ target: storyPresence.storyId, set: { userId: actor.id, sessionId, startedAt: at, lastSeenAt: at } });
    if (previous && previous.presence.sessionId !== sessionId) {
      await tx.insert(workflowEvents).values({ storyId, action: 'take_over', actorId: actor.id, reason: previous.name, createdAt: at });
      await notify(tx, [previous.presence.userId], { kind: 'taken_over', storyId, actorId: actor.id });
    }
    return { mine: true, holder: { name: actor.displayName, since: at } };
  });
}

/** Lets go of the lock when the editor closes, if this tab still holds it. */
export async function release(actor: CurrentUser | null, storyId: string, sessionId: string): Promise<void> {
  authorize(actor, 'stories:view');
  await getDb()
    .delete(storyPresence)
    .where(and(eq(storyPresence.storyId, storyId), eq(storyPresence.sessionId, sessionId), eq(storyPresence.userId, actor.id)));
}

/** For the save path: the live holder who is someone else, if any. One person's own tabs are kept apart by the version check alone. */
export async function otherHolder(tx: Transaction, storyId: string, actorId: string, sessionId: string | undefined): Promise<string | null> {
  const current = await holderOf(tx, storyId);
  if (!current || current.presence.sessionId === sessionId || current.presence.userId === actorId || !alive(current.presence.lastSeenAt, now())) return null;
  return current.name;
}
