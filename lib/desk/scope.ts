import { can, type Actor } from '@/lib/auth/permissions';

// Desks, as a rule on the person and the story. Pure: the DAL supplies the
// story's desk (its section's), the person's memberships come with the
// signed-in user (lib/auth/actor.ts). The SQL twin is lib/desk/scope-sql.ts.

export type DeskActor = Actor & { deskIds: readonly string[] };

/**
 * Whether this person works the desk a story is on: a member of it, anyone
 * who works every desk (admins), and, for the general desk (deskId null: no
 * section, or a section no desk owns), everyone. Whether they may review or
 * publish at all is their role's business (lib/stories/workflow.ts).
 */
export function worksDesk(actor: DeskActor, deskId: string | null): boolean {
  return deskId === null || can(actor, 'desks:every') || actor.deskIds.includes(deskId);
}
