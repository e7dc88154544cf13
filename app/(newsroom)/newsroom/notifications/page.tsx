import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireCapability } from '@/lib/auth/current-user';
import { INBOX_PAGE_SIZE, listNotifications } from '@/lib/notifications/inbox';
import { hrefWith } from '@/lib/url';
import { MarkAllRead, NotificationList } from './_components/notification-list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('all') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requireCapability('newsroom:enter');
  const page = pageSchema.parse((await searchParams).page ?? 1);
  const [t, { items, total, unread }] = await Promise.all([getTranslations(), listNotifications(user, { page })]);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const pageHref = (n: number) => hrefWith('/newsroom/notifications', { page: n > 1 ? n : undefined });
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-display text-3xl font-bold">{t('notifications.all')}</h1>
          <p className="mt-1 text-muted">{t('desk.inbox.intro')}</p>
          <p className="mt-1 font-bold" aria-live="polite">
            {t('desk.inbox.unread', { count: unread })}
          </p>
        </div>
        {unread > 0 && <MarkAllRead />}
      </header>
      {items.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <NotificationList items={items} />
      )}
      {pages > 1 && (
        <nav className="flex items-center justify-between" aria-label={t('stories.page', { page, pages })}>
          {page > 1 ? <Link className="underline" href={pageHref(page - 1)}>{t('stories.previous')}</Link> : <span />}
          <span className="text-sm text-muted">{t('stories.page', { page, pages })}</span>
          {page < pages ? <Link className="underline" href={pageHref(page + 1)}>{t('stories.next')}</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
