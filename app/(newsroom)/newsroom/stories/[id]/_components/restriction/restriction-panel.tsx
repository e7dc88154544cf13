import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/newsroom/action-form';
import type { CurrentUser } from '@/lib/auth/current-user';
import { canRestrict } from '@/lib/stories/restriction';
import { setRestrictedAction } from '../../restrict-actions';

/**
 * Whether the story is restricted to its authors, its desk's editors and
 * admins; the desk's editors may change it. Rendered on the server and
 * slotted into the editor's side column; nothing for whoever has nothing to see or do.
 */
export async function RestrictionPanel({ user, story }: { user: CurrentUser; story: { id: string; restricted: boolean; deskId: string | null } }) {
  const mayChange = canRestrict(user, story);
  if (!story.restricted && !mayChange) return null;
  const t = await getTranslations('restriction');
  return (
    <section aria-labelledby="restriction-heading" className="space-y-3 rounded-lg border border-rule bg-white p-4" data-testid="restriction-panel">
      <h2 id="restriction-heading" className="font-display text-lg font-bold">
        {t('title')}
      </h2>
      <p data-testid="restriction-state">{t(story.restricted ? 'restricted' : 'open')}</p>
      {mayChange && (
        <ActionForm action={setRestrictedAction} submit={t(story.restricted ? 'lift' : 'restrict')}>
          <input type="hidden" name="storyId" value={story.id} />
          <input type="hidden" name="restricted" value={story.restricted ? 'false' : 'true'} />
        </ActionForm>
      )}
    </section>
  );
}
