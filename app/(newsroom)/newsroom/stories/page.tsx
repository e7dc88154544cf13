import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { requireCapability } from '@/lib/auth/current-user';
import { queuesFor, RECENT_PULL_DAYS } from '@/lib/desk/queue-ids';
import { hrefWith } from '@/lib/url';
import { getSiteSettings } from '@/lib/reader/queries';
import { EDITORIAL_STATES, PUBLICATION_STATES } from '@/lib/enums';
import { listPickers, listStories, STORY_PAGE_SIZE } from '@/lib/stories/list';
import { storyFilterSchema, type StoryFilter } from '@/lib/stories/schemas';
import { NewStoryButton } from '../_components/new-story-button';
import { dominantDirection } from '@/lib/content/direction';
import { DominantInput } from '@/components/ui/dominant-input';
import { RowLink } from '@/components/newsroom/row-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('stories'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageHref = (filter: StoryFilter, page: number) => hrefWith('/newsroom/stories', { ...filter, page });


export default async function StoriesPage({ searchParams }: Props) {
  const user = await requireCapability('stories:view');
  const filter = storyFilterSchema.parse(await searchParams);
  const settings = await getSiteSettings();
  const [t, format, { rows, total }, pickers] = await Promise.all([getTranslations(), getFormatter(), listStories(user, filter, { timeZone: settings.timeZone }), listPickers(user)]);
  const pages = Math.max(1, Math.ceil(total / STORY_PAGE_SIZE));
  // A link may name a queue this role's dashboard does not show; the select still says what is applied.
  const queueOptions = [...new Set([...queuesFor(user.role), ...(filter.queue ? [filter.queue] : [])])];
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-display text-3xl font-bold">{t('stories.title')}</h1>
          <p className="mt-1 text-muted">{t('stories.intro')}</p>
        </div>
        <NewStoryButton label={t('stories.new')} />
      </header>

      <form method="get" role="search" className="grid gap-3 rounded-lg border border-rule bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_1fr_auto] lg:items-end">
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('stories.search')}</span>
          <DominantInput type="search" name="q" defaultValue={filter.q} />
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('desk.queue')}</span>
          <Select name="queue" defaultValue={filter.queue ?? ''}>
            <option value="">{t('stories.any')}</option>
            {queueOptions.map((queue) => (
              <option key={queue} value={queue}>
                {t(`desk.queues.${queue}.title`, { days: RECENT_PULL_DAYS })}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('stories.state')}</span>
          <Select name="state" defaultValue={filter.state ?? ''}>
            <option value="">{t('stories.any')}</option>
            {EDITORIAL_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`editorialState.${state}`)}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('stories.publication')}</span>
          <Select name="publication" defaultValue={filter.publication ?? ''}>
            <option value="">{t('stories.any')}</option>
            {PUBLICATION_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`publicationState.${state}`)}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('stories.section')}</span>
          <Select name="section" defaultValue={filter.section ?? ''}>
            <option value="">{t('stories.any')}</option>
            {pickers.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('stories.author')}</span>
          <Select name="author" defaultValue={filter.author ?? ''}>
            <option value="">{t('stories.any')}</option>
            {pickers.authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          {t('stories.apply')}
        </Button>
      </form>

      <p className="text-sm text-muted" aria-live="polite" data-testid="stories-count">
        {t('stories.count', { count: total })}
      </p>
      {rows.length === 0 ? (
        <p>{t('stories.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full">
            <thead className="border-b border-rule bg-paper text-sm">
              <tr>
                <th scope="col" className="px-4 py-2 text-start">{t('stories.headline')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('stories.state')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('stories.publication')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('stories.section')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('stories.authors')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('stories.updated')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((story) => (
                <tr key={story.id}>
                  <td className="px-4 py-2">
                    <RowLink href={`/newsroom/stories/${story.id}`} className="font-bold text-accent-ink underline" dir={dominantDirection(story.headline || t('stories.untitled'), 'ar')}>
                      {story.headline || t('stories.untitled')}
                    </RowLink>
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={story.editorialState === 'approved' ? 'good' : story.editorialState === 'changes_requested' ? 'warn' : 'neutral'}>{t(`editorialState.${story.editorialState}`)}</Badge>
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={story.publicationState === 'published' ? 'good' : story.publicationState === 'unpublished' ? 'neutral' : 'bad'}>{t(`publicationState.${story.publicationState}`)}</Badge>
                  </td>
                  <td className="px-4 py-2">{story.sectionName ?? t('stories.noSection')}</td>
                  <td className="px-4 py-2 text-sm">{story.authorNames.join('، ')}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-sm">{format.dateTime(story.updatedAt, 'dateTime')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex items-center justify-between" aria-label={t('stories.page', { page: filter.page, pages })}>
          {filter.page > 1 ? <Link className="underline" href={pageHref(filter, filter.page - 1)}>{t('stories.previous')}</Link> : <span />}
          <span className="text-sm text-muted">{t('stories.page', { page: filter.page, pages })}</span>
          {filter.page < pages ? <Link className="underline" href={pageHref(filter, filter.page + 1)}>{t('stories.next')}</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
