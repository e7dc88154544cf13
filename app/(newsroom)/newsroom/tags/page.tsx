import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/newsroom/action-form';
import { Button } from '@/components/ui/button';
import { DominantInput } from '@/components/ui/dominant-input';
import { requireCapability } from '@/lib/auth/current-user';
import { dominantDirection } from '@/lib/content/direction';
import { tagPath } from '@/lib/reader/paths';
import { tagFilterSchema } from '@/lib/tags/schemas';
import { listTagsForEditor, type TagRow } from '@/lib/tags/tags';
import { NamedForm } from '../sections/_components/section-form';
import { deleteTagAction, mergeTagAction, updateTagAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('structure'))('tagsTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Tags, most used first, with a search. Tags are created by typing them into a
// story; here they are renamed, described, merged and (when unused) deleted.
export default async function TagsPage({ searchParams }: Props) {
  const user = await requireCapability('tags:manage');
  const filter = tagFilterSchema.parse(await searchParams);
  const [t, list] = await Promise.all([getTranslations('structure'), listTagsForEditor(user, filter)]);
  return (
    <div className="max-w-4xl space-y-8">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('tagsTitle')}</h1>
        <p className="mt-1 text-muted">{t('tagsIntro')}</p>
      </header>
      <form role="search" className="flex gap-2" action="/newsroom/tags">
        <label htmlFor="tag-search" className="sr-only">
          {t('tagSearch')}
        </label>
        <DominantInput id="tag-search" name="q" type="search" defaultValue={filter.q ?? ''} placeholder={t('tagSearch')} className="max-w-80" />
        <Button type="submit" variant="secondary">
          {t('search')}
        </Button>
      </form>
      {list.length === 0 ? (
        <p className="text-muted">{t('noTags')}</p>
      ) : (
        <ul className="space-y-4" aria-label={t('tagsTitle')}>
          {list.map((tag) => (
            <TagItem key={tag.id} tag={tag} />
          ))}
        </ul>
      )}
    </div>
  );
}

async function TagItem({ tag }: { tag: TagRow }) {
  const t = await getTranslations('structure');
  const id = <input type="hidden" name="id" value={tag.id} />;
  return (
    <li className="space-y-3 rounded-lg border border-rule bg-white p-4" data-testid="tag-row">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="font-display text-lg font-bold">{tag.name}</h2>
        <a href={tagPath(tag.slug)} dir={dominantDirection(tag.slug, 'ar')} className="text-sm">
          /tag/{tag.slug}
        </a>
        <span className="text-sm text-muted">{t('storyCount', { count: tag.stories })}</span>
      </div>
      <details>
        <summary className="cursor-pointer font-bold">{t('editLabel', { name: tag.name })}</summary>
        <div className="mt-3">
          <NamedForm action={updateTagAction} values={tag} kind="tag" idPrefix={`t-${tag.id}`} />
        </div>
      </details>
      <details>
        <summary className="cursor-pointer font-bold">{t('retireLabel', { name: tag.name })}</summary>
        <div className="mt-3 space-y-4">
          <ActionForm action={mergeTagAction} submit={t('merge')} label={t('mergeLabel', { name: tag.name })} variant="danger">
            {id}
            <label htmlFor={`merge-${tag.id}`}>{t('mergeTagInto')}</label>
            <DominantInput id={`merge-${tag.id}`} name="into" className="max-w-64" />
          </ActionForm>
          {tag.stories === 0 && (
            <ActionForm action={deleteTagAction} submit={t('delete')} label={t('deleteLabel', { name: tag.name })} variant="danger">
              {id}
            </ActionForm>
          )}
        </div>
      </details>
    </li>
  );
}
