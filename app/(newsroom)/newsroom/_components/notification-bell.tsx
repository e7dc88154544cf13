'use client';

import { Bell } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Popover } from 'radix-ui';
import { useCallback, useState } from 'react';
import { usePollWhileVisible } from '@/components/newsroom/use-poll';
import { Button } from '@/components/ui/button';
import type { InboxSummary } from '@/lib/notifications/inbox';
import { markAllNotificationsReadAction } from '../notifications/actions';
import { NotificationItem } from '../notifications/_components/notification-item';

/**
 * How often the bell asks for news. Polling rather than a server-sent stream
 * (see app/api/notifications/route.ts); a hidden tab does not ask, and
 * coming back to the tab or window asks at once.
 */
const POLL_MS = 10_000;

export function NotificationBell({ initial }: { initial: InboxSummary }) {
  const t = useTranslations('notifications');
  const format = useFormatter();
  const [summary, setSummary] = useState(initial);
  const [open, setOpen] = useState(false);
  // A server re-render (after any action) brings a fresh count: adopt it.
  const [fromServer, setFromServer] = useState(initial);
  if (initial !== fromServer) {
    setFromServer(initial);
    setSummary(initial);
  }

  const refresh = useCallback(async () => {
    try {
      const response = await fetch('/api/notifications', { cache: 'no-store' });
      if (response.ok) setSummary((await response.json()) as InboxSummary);
    } catch {
      // Offline or the server restarting: keep the last count and ask again on the next tick.
    }
  }, []);

  usePollWhileVisible(refresh, POLL_MS);

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void refresh();
      }}
    >
      <Popover.Trigger asChild>
        <button
          type="button"
          data-testid="notification-bell"
          data-unread={summary.unread}
          aria-label={t('bell', { count: summary.unread })}
          className="relative inline-flex size-9 items-center justify-center rounded-md hover:bg-black/5 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-accent"
        >
          <Bell aria-hidden className="size-5" />
          {summary.unread > 0 && (
            <span aria-hidden className="absolute -top-1 -end-1 min-w-5 rounded-full bg-accent px-1 text-center text-xs leading-5 font-bold text-white">
              {format.number(Math.min(summary.unread, 99), 'count')}
              {summary.unread > 99 ? '+' : ''}
            </span>
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={8}
          collisionPadding={16}
          aria-labelledby="bell-heading"
          className="z-50 w-[24rem] max-w-[calc(100vw-2rem)] rounded-lg border border-rule bg-white p-3 shadow-xl"
        >
          <div className="flex items-center justify-between gap-2 border-b border-rule pb-2">
            <h2 id="bell-heading" className="font-display text-lg font-bold">
              {t('title')}
            </h2>
            {summary.unread > 0 && (
              <form
                action={async (formData) => {
                  await markAllNotificationsReadAction({}, formData);
                  await refresh();
                }}
              >
                <Button type="submit" size="sm" variant="ghost">
                  {t('markAllRead')}
                </Button>
              </form>
            )}
          </div>
          {summary.items.length === 0 ? (
            <p className="py-4 text-muted">{t('none')}</p>
          ) : (
            <ul className="max-h-[60vh] divide-y divide-rule overflow-y-auto">
              {summary.items.map((item) => (
                <NotificationItem key={item.id} item={item} onMarked={() => void refresh()} onNavigate={() => setOpen(false)} />
              ))}
            </ul>
          )}
          <Link href="/newsroom/notifications" onClick={() => setOpen(false)} className="mt-2 block border-t border-rule pt-2 text-center text-sm text-accent-ink underline">
            {t('all')}
          </Link>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
