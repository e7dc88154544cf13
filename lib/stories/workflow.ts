import { roleCan, type Role } from '@/lib/auth/permissions';
import type { EditorialState, PublicationState } from './rules';

// The two transition tables of DESIGN.md's workflow, as data plus one pure
// function. The editorial state describes the working copy; the publication
// state describes what readers get. They change independently.

export type EditorialAction = 'submit' | 'withdraw' | 'request_changes' | 'approve';
export type PublicationAction = 'publish' | 'schedule' | 'unschedule' | 'take_down' | 'retract' | 'republish' | 'archive' | 'restore';
export type WorkflowAction = EditorialAction | PublicationAction;

export const editorialActions: readonly EditorialAction[] = ['submit', 'withdraw', 'request_changes', 'approve'];
export const publicationActions: readonly PublicationAction[] = ['publish', 'schedule', 'unschedule', 'take_down', 'retract', 'republish', 'archive', 'restore'];
/** Every action, in the order the workflow panel offers them. */
export const WORKFLOW_ACTIONS = [...editorialActions, ...publicationActions] as const satisfies readonly WorkflowAction[];

/** What the rules need to know about the story and the person acting. */
export type WorkflowFacts = {
  role: Role;
  /** Created it, or on its byline (DESIGN.md's "own story"). */
  isAuthor: boolean;
  editorialState: EditorialState;
  publicationState: PublicationState;
  archived: boolean;
  scheduled: boolean;
  /** An approved revision exists that readers do not have yet. */
  approvedNotPublished: boolean;
  /** A reason was given (request changes, take-down, retraction, an admin's four-eyes override). */
  hasReason: boolean;
  /** An admin approving their own story, deliberately. */
  override: boolean;
  /** The person works the story's desk (lib/desk/scope.ts): reviewing and publishing are the desk's. */
  onDesk: boolean;
  /** The person changed what readers get since the last approval, and the site's strict four-eyes setting is on. */
  editedSinceApproval: boolean;
};

export type Decision =
  | { allowed: true; editorialState?: EditorialState; publicationState?: PublicationState }
  | { allowed: false; reason: RefusalReason };

export type RefusalReason =
  | 'role'
  | 'notAuthor'
  | 'fourEyes'
  | 'state'
  | 'archived'
  | 'reasonRequired'
  | 'nothingApproved'
  | 'notScheduled'
  | 'liveOrScheduled'
  | 'notArchived'
  | 'desk'
  | 'editedSinceApproval';

const refuse = (reason: RefusalReason): Decision => ({ allowed: false, reason });

function decideEditorial(action: EditorialAction, facts: WorkflowFacts): Decision {
  const { role, isAuthor, editorialState: state } = facts;
  switch (action) {
    case 'submit':
      if (!isAuthor && !roleCan(role, 'stories:review')) return refuse('notAuthor');
      if (!isAuthor && !facts.onDesk) return refuse('desk');
      if (state !== 'draft' && state !== 'changes_requested') return refuse('state');
      return { allowed: true, editorialState: 'in_review' };
    case 'withdraw':
      if (!isAuthor) return refuse('notAuthor');
      if (state !== 'in_review') return refuse('state');
      return { allowed: true, editorialState: 'draft' };
    case 'request_changes':
      if (!roleCan(role, 'stories:review')) return refuse('role');
      if (!facts.onDesk) return refuse('desk');
      if (state !== 'in_review' && state !== 'approved') return refuse('state');
      if (!facts.hasReason) return refuse('reasonRequired');
      return { allowed: true, editorialState: 'changes_requested' };
    case 'approve': {
      if (!roleCan(role, 'stories:review')) return refuse('role');
      if (!facts.onDesk) return refuse('desk');
      if (state !== 'in_review') return refuse('state');
      // Four-eyes: neither an author nor whoever last changed what readers get approves it, except an admin who says why.
      const overridden = role === 'admin' && facts.override && facts.hasReason;
      if (isAuthor && !overridden) return refuse('fourEyes');
      if (facts.editedSinceApproval && !overridden) return refuse('editedSinceApproval');
      return { allowed: true, editorialState: 'approved' };
    }
  }
}

function decidePublication(action: PublicationAction, facts: WorkflowFacts): Decision {
  if (!roleCan(facts.role, 'stories:publish')) return refuse('role');
  if (!facts.onDesk) return refuse('desk');
  const live = facts.publicationState;
  switch (action) {
    case 'publish':
    case 'schedule':
      if (!facts.approvedNotPublished) return refuse('nothingApproved');
      if (live === 'taken_down' || live === 'retracted') return refuse('state');
      return action === 'publish' ? { allowed: true, publicationState: 'published' } : { allowed: true };
    case 'unschedule':
      return facts.scheduled ? { allowed: true } : refuse('notScheduled');
    case 'take_down':
      // Always possible while readers can reach it, whatever the working copy is doing.
      if (live !== 'published') return refuse('state');
      if (!facts.hasReason) return refuse('reasonRequired');
      return { allowed: true, publicationState: 'taken_down' };
    case 'retract':
      if (live !== 'published' && live !== 'taken_down') return refuse('state');
      if (!facts.hasReason) return refuse('reasonRequired');
      return { allowed: true, publicationState: 'retracted' };
    case 'republish':
      if (live !== 'taken_down' && live !== 'retracted') return refuse('state');
      return { allowed: true, publicationState: 'published' };
    case 'archive':
      if (facts.archived) return refuse('state');
      if (live === 'published' || facts.scheduled) return refuse('liveOrScheduled');
      return { allowed: true };
    case 'restore':
      return facts.archived ? { allowed: true } : refuse('notArchived');
  }
}

/** Allowed (with the states it leads to), or refused with a reason the UI can name. */
export function decide(action: WorkflowAction, facts: WorkflowFacts): Decision {
  // An archived story only comes back through restore.
  if (facts.archived && action !== 'restore') return refuse('archived');
  return (editorialActions as readonly string[]).includes(action) ? decideEditorial(action as EditorialAction, facts) : decidePublication(action as PublicationAction, facts);
}
