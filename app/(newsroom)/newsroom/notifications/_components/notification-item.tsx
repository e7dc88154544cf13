'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { NotificationView } from '@/lib/notifications/inbox';
import { markNotificationReadAction } from '../actions';
import { dominantDirection } from '@/lib/content/direction';
import { RowLink } from '@/components/newsroom/row-link';

/** Where a notification leads: its story, and the comment it is about. */
export function notificationHref(item: NotificationView): string {
  return `/newsroom/stories/${item.storyId}${item.commentId ? `#comment-${item.commentId}` : ''}`;
}

/**
 * One notification, in the bell and on the notifications page. A client
 * component so that dates are formatted in the newsroom's time zone, which
 * the staff area's provider carries.
 */
export function NotificationItem({ item, onMarked, onNavigate }: { item: NotificationView; onMarked?: () => void; onNavigate?: () => void }) {
  const t = useTranslations();
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), 'dateTime');
  const text = t(`notifications.kinds.${item.kind}`, { actor: item.actorName ?? t('desk.someone'), story: item.storyHeadline || t('stories.untitled') });
  return (
    <li className="flex items-start gap-2 py-2" data-unread={!item.read}>
      <span aria-hidden className={`mt-2 size-2 shrink-0 rounded-full ${item.read ? '' : 'bg-accent'}`} />
      <div className="min-w-0 flex-1">
        <RowLink href={notificationHref(item)} onClick={onNavigate} className={`block text-ink underline-offset-4 hover:underline ${item.read ? '' : 'font-bold'}`}>
          {!item.read && <span className="sr-only">{t('notifications.unread')}: </span>}
          {text}
        </RowLink>
        <Detail item={item} when={when} />
        <time dateTime={item.createdAt} className="block text-xs text-muted">
          {when(item.createdAt)}
        </time>
      </div>
      {!item.read && (
        <form
          action={async (formData) => {
            await markNotificationReadAction({}, formData);
            onMarked?.();
          }}
        >
          <input type="hidden" name="id" value={item.id} />
          <Button type="submit" size="sm" variant="ghost" aria-label={t('desk.inbox.markReadOf', { text })}>
            {t('notifications.markRead')}
          </Button>
        </form>
      )}
    </li>
  );
}

/** The short text a notification carries: a send-back's reason, a schedule's time. */
function Detail({ item, when }: { item: NotificationView; when: (iso: string) => string }) {
  const t = useTranslations();
  if (!item.detail) return null;
  if (item.kind === 'sent_back') {
    return (
      <p dir={dominantDirection(item.detail, 'ar')} className="text-sm text-ink">
        «{item.detail}»
      </p>
    );
  }
  if (item.kind === 'scheduled' && !Number.isNaN(Date.parse(item.detail))) return <p className="text-sm text-muted">{t('workflow.scheduledFor', { time: when(item.detail) })}</p>;
  if (item.kind === 'published' && item.detail === 'scheduled') return <p className="text-sm text-muted">{t('desk.onSchedule')}</p>;
  return null;
}
