import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AutoRefresh } from '@/components/newsroom/auto-refresh';
import { Badge } from '@/components/ui/badge';
import { requireCapability } from '@/lib/auth/current-user';
import { nextStep } from '@/lib/desk/queue-ids';
import { deskQueues } from '@/lib/desk/queues';
import { getSiteSettings } from '@/lib/reader/queries';
import { hrefWith } from '@/lib/url';
import { QueueSection } from './_components/queue-section';
import { NewStoryButton } from './_components/new-story-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('newsroom'))('dashboard') };
}

/** As often as the bell asks: a queue's count and the bell's news agree. */
const DESK_REFRESH_MS = 10_000;

// The desk: each person's queues with their counts, and the one thing to do next.
export default async function DashboardPage() {
  const user = await requireCapability('newsroom:enter');
  const settings = await getSiteSettings();
  const [t, format, queues] = await Promise.all([getTranslations(), getFormatter(), deskQueues(user, { timeZone: settings.timeZone })]);
  const next = nextStep(user.role, Object.fromEntries(queues.map((queue) => [queue.id, queue.count])));
  const when = (date: Date) => format.dateTime(date, 'dateTime');
  return (
    <div className="space-y-6">
      {/* The queues change as colleagues work: they follow on their own, as the bell does. */}
      <AutoRefresh ms={DESK_REFRESH_MS} />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-display text-3xl font-bold">{t('newsroom.welcome', { name: user.displayName })}</h1>
          <p className="mt-2 text-muted">
            {t('newsroom.dashboardIntro')} <Badge>{t(`roles.${user.role}`)}</Badge>
          </p>
        </div>
        <NewStoryButton label={t('stories.new')} />
      </header>

      <section aria-labelledby="next-heading" className="rounded-lg border-s-4 border-accent bg-white p-4" data-testid="next-step">
        <h2 id="next-heading" className="font-display text-lg font-bold">
          {t('desk.next.title')}
        </h2>
        {next ? (
          <p className="mt-1">
            {t(`desk.next.${next.queue}`, { count: next.count })}{' '}
            <Link href={hrefWith('/newsroom/stories', { queue: next.queue })} className="font-bold text-accent-ink underline">
              {t('desk.next.open')}
            </Link>
          </p>
        ) : (
          <p className="mt-1">{t('desk.next.none')}</p>
        )}
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        {queues.map((queue) => (
          <QueueSection key={queue.id} queue={queue} when={when} />
        ))}
      </div>
      <p className="text-sm text-muted">{t('desk.timesIn', { zone: settings.timeZone })}</p>
    </div>
  );
}
