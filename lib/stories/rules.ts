import { can } from '@/lib/auth/permissions';
import { worksDesk, type DeskActor } from '@/lib/desk/scope';
import type { EditorialState } from '@/lib/enums';

// Who may do what to one story. Pure: the DAL supplies the facts.

export type { EditorialState, PublicationState } from '@/lib/enums';

export type StoryFacts = {
  createdById: string | null;
  /** Author profile ids on the byline. */
  bylineAuthorIds: readonly string[];
  editorialState: EditorialState;
  archived: boolean;
  /** Only its authors, its desk's editors and admins may open it. */
  restricted: boolean;
  /** Its section's desk; null for the general desk. */
  deskId: string | null;
};

export type StoryActor = DeskActor & { authorId: string | null };

/** DESIGN.md's "own story": created by the user, or with the user's author profile on its byline. */
export function isOwnStory(actor: Pick<StoryActor, 'id' | 'authorId'>, story: Pick<StoryFacts, 'createdById' | 'bylineAuthorIds'>): boolean {
  return story.createdById === actor.id || (actor.authorId !== null && story.bylineAuthorIds.includes(actor.authorId));
}

/**
 * Whether this person may open the story at all. Everyone else gets the same
 * answer as for a story that does not exist, wherever they ask.
 */
export function canOpenStory(actor: StoryActor | null, story: Pick<StoryFacts, 'createdById' | 'bylineAuthorIds' | 'restricted' | 'deskId'>): boolean {
  if (!actor || !can(actor, 'stories:view')) return false;
  if (!story.restricted) return true;
  return isOwnStory(actor, story) || (can(actor, 'stories:view-restricted') && worksDesk(actor, story.deskId));
}

/** Writers edit their own stories while they are theirs to work on; editors and admins edit any. */
const WRITER_EDITABLE_STATES: readonly EditorialState[] = ['draft', 'changes_requested'];

export function canEditStory(actor: StoryActor | null, story: StoryFacts): boolean {
  if (!actor || !canOpenStory(actor, story) || story.archived) return false;
  if (can(actor, 'stories:edit-any')) return true;
  return isOwnStory(actor, story) && WRITER_EDITABLE_STATES.includes(story.editorialState);
}

/**
 * What the read-only banner tells someone who may not edit a story, as a
 * catalogue key: a copy in review or approved says how to get it back
 * (withdraw it from review, or ask an editor), not only that it is locked.
 */
export function readOnlyMessage(story: Pick<StoryFacts, 'editorialState' | 'archived'>): string {
  if (story.archived) return 'editor.readOnlyArchived';
  if (story.editorialState === 'in_review') return 'editor.readOnlyInReview';
  if (story.editorialState === 'approved') return 'editor.readOnlyApproved';
  return 'editor.readOnly';
}
