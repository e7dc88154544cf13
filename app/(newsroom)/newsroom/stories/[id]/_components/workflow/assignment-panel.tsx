import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/current-user';
import { storyAssignment } from '@/lib/desk/assign';
import { AssignForm } from './assign-form';

/**
 * Who reviews the story. Everyone sees the reviewer; editors and admins may
 * take the review or hand it to a colleague while the story is in review.
 * Rendered on the server and slotted into the editor's side column.
 */
export async function AssignmentPanel({ user, storyId }: { user: CurrentUser; storyId: string }) {
  const view = await storyAssignment(user, storyId);
  // Before the first submission there is no review to assign, and nothing to say.
  if (!view || (!view.inReview && !view.assignee)) return null;
  const t = await getTranslations('desk.assignment');
  return (
    <section aria-labelledby="assignment-heading" className="space-y-3 rounded-lg border border-rule bg-white p-4" data-testid="assignment-panel">
      <h2 id="assignment-heading" className="font-display text-lg font-bold">
        {t('title')}
      </h2>
      <p data-testid="assignee">{view.assignee ? t('assignedTo', { name: view.assignee.name }) : t('nobody')}</p>
      {!view.inReview && <p className="text-sm text-muted">{t('stays')}</p>}
      {view.canAssign && <AssignForm storyId={storyId} selfId={user.id} assigneeId={view.assignee?.id ?? null} canTake={view.canTake} candidates={view.candidates} />}
    </section>
  );
}
