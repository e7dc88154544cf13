'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { NotificationView } from '@/lib/notifications/inbox';
import { markAllNotificationsReadAction } from '../actions';
import { NotificationItem } from './notification-item';

// The notifications page's list. Marking read re-renders the page from the
// server (the action refreshes it), so there is no client state to keep here.

export function NotificationList({ items }: { items: NotificationView[] }) {
  return (
    <ul className="divide-y divide-rule rounded-lg border border-rule bg-white px-4" data-testid="notification-list">
      {items.map((item) => (
        <NotificationItem key={item.id} item={item} />
      ))}
    </ul>
  );
}

export function MarkAllRead() {
  const t = useTranslations('notifications');
  return (
    <form
      action={async (formData) => {
        await markAllNotificationsReadAction({}, formData);
      }}
    >
      <Button type="submit" variant="secondary">
        {t('markAllRead')}
      </Button>
    </form>
  );
}
