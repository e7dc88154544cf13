import type { Executor } from '@/db';
import { auditLog } from '@/db/schema';
import { now } from '@/lib/clock';
import type { AuditAction } from './actions';

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** Appends to the audit log, inside the caller's transaction so the entry and the change land together. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
    createdAt: now(),
  });
}

/**
 * A workflow step on a story (or one of its share links), in the same
 * transaction as the step. The story keeps its own timeline (workflow_events,
 * which go with the story); this copy is what the newsroom-wide log reads and
 * filters, and it outlives the story.
 */
export async function recordStoryAudit(
  tx: Executor,
  entry: { actorId: string | null; action: Extract<AuditAction, `story.${string}` | `share.${string}`>; storyId: string; before?: unknown; after?: unknown; ip?: string | null },
): Promise<void> {
  await recordAudit(tx, { actorId: entry.actorId, action: entry.action, targetType: 'story', targetId: entry.storyId, before: entry.before, after: entry.after, ip: entry.ip });
}
