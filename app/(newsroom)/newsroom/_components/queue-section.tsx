import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { EDITORIAL_QUEUES, RECENT_PULL_DAYS } from '@/lib/desk/queue-ids';
import type { DeskQueue, QueueStory } from '@/lib/desk/queues';
import { hrefWith } from '@/lib/url';
import { dominantDirection } from '@/lib/content/direction';
import { RowLink } from '@/components/newsroom/row-link';

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** The line under a story: what matters about it in this queue, in the newsroom's time. */
function metaOf(queue: DeskQueue['id'], story: QueueStory, t: Translate, when: (date: Date) => string): string {
  const byline = story.authorNames.join('، ');
  switch (queue) {
    case 'scheduled':
      return [byline, story.scheduledFor && t('desk.meta.scheduledFor', { time: when(story.scheduledFor) })].filter(Boolean).join(' · ');
    case 'published_today':
      return [byline, story.lastPublishedAt && t('desk.meta.publishedAt', { time: when(story.lastPublishedAt) })].filter(Boolean).join(' · ');
    case 'taken_down':
      return [byline, story.publicationChangedAt && t('desk.meta.pulledAt', { time: when(story.publicationChangedAt) })].filter(Boolean).join(' · ');
    case 'my_drafts':
      return t('desk.meta.updated', { time: when(story.updatedAt) });
    case 'sent_back':
      return [story.assigneeName && t('desk.meta.reviewer', { name: story.assigneeName }), t('desk.meta.updated', { time: when(story.updatedAt) })].filter(Boolean).join(' · ');
    default:
      return [byline, t('desk.meta.updated', { time: when(story.updatedAt) })].filter(Boolean).join(' · ');
  }
}

/** One queue on the dashboard: its count, what to do with it, its first stories, and the way to the rest. */
export async function QueueSection({ queue, when }: { queue: DeskQueue; when: (date: Date) => string }) {
  const t = await getTranslations();
  const headingId = `queue-${queue.id}`;
  return (
    <section aria-labelledby={headingId} data-testid={headingId} className="flex flex-col rounded-lg border border-rule bg-white p-4">
      <h2 id={headingId} className="flex flex-wrap items-baseline justify-between gap-2 font-display text-lg font-bold">
        <span>{t(`desk.queues.${queue.id}.title`, { days: RECENT_PULL_DAYS })}</span>
        <Badge tone={queue.count > 0 ? 'warn' : 'neutral'} data-testid="queue-count" data-count={queue.count}>
          {t('desk.count', { count: queue.count })}
        </Badge>
      </h2>
      <p className="text-sm text-muted">{t(`desk.queues.${queue.id}.hint`, { days: RECENT_PULL_DAYS })}</p>
      {queue.stories.length === 0 ? (
        <p className="mt-3 text-sm">{t(`desk.queues.${queue.id}.empty`, { days: RECENT_PULL_DAYS })}</p>
      ) : (
        <ol className="mt-3 divide-y divide-rule">
          {queue.stories.map((story) => (
            <li key={story.id} className="space-y-1 py-2">
              <div className="flex flex-wrap items-center gap-2">
                <RowLink href={`/newsroom/stories/${story.id}`} dir={dominantDirection(story.headline || t('stories.untitled'), 'ar')} className="font-bold text-accent-ink underline">
                  {story.headline || t('stories.untitled')}
                </RowLink>
                {story.isUpdate && EDITORIAL_QUEUES.has(queue.id) && <Badge tone="good">{t('desk.update')}</Badge>}
                {queue.id === 'taken_down' && <Badge tone="bad">{t(`publicationState.${story.publicationState}`)}</Badge>}
              </div>
              <p className="text-sm text-muted">{metaOf(queue.id, story, t, when)}</p>
              {story.sendBackReason && (
                <p className="text-sm">
                  <span className="font-bold">{t('desk.sentBackReason')}</span>{' '}
                  «<span dir={dominantDirection(story.sendBackReason, 'ar')} data-testid="send-back-reason">
                    {story.sendBackReason}
                  </span>»
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {queue.count > 0 && (
        <Link href={hrefWith('/newsroom/stories', { queue: queue.id })} className="mt-auto pt-3 text-sm text-accent-ink underline">
          {t('desk.seeAll', { count: queue.count })}
        </Link>
      )}
    </section>
  );
}
