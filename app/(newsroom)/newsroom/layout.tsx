import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { requireUser } from '@/lib/auth/current-user';
import { can, type Capability } from '@/lib/auth/permissions';
import { inboxSummary } from '@/lib/notifications/inbox';
import { LocaleSwitch } from '../_components/locale-switch';
import { signOutAction } from '../login/actions';
import { NotificationBell } from './_components/notification-bell';

const navigation: { href: string; label: string; capability: Capability }[] = [
  { href: '/newsroom', label: 'dashboard', capability: 'newsroom:enter' },
  { href: '/newsroom/stories', label: 'stories', capability: 'stories:view' },
  { href: '/newsroom/media', label: 'media', capability: 'media:upload' },
  { href: '/newsroom/front', label: 'front', capability: 'front:manage' },
  { href: '/newsroom/tags', label: 'tags', capability: 'tags:manage' },
  { href: '/newsroom/sections', label: 'sections', capability: 'sections:manage' },
  { href: '/newsroom/desks', label: 'desks', capability: 'desks:manage' },
  { href: '/newsroom/users', label: 'users', capability: 'users:manage' },
  { href: '/newsroom/settings', label: 'settings', capability: 'settings:manage' },
  { href: '/newsroom/api-keys', label: 'apiKeys', capability: 'api-keys:manage' },
  { href: '/newsroom/webhooks', label: 'webhooks', capability: 'webhooks:manage' },
  { href: '/newsroom/imports', label: 'imports', capability: 'imports:run' },
  { href: '/newsroom/audit', label: 'audit', capability: 'audit:read' },
  { href: '/newsroom/account', label: 'account', capability: 'account:manage' },
];

// The staff shell. Its check only decides what the navigation shows: every
// page under it authorizes itself again, since a layout does not guard them.
export default async function NewsroomShell({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // A user held at second-factor enrolment has no inbox (nor anything else) until they enrol.
  const [t, inbox] = await Promise.all([getTranslations(), can(user, 'newsroom:enter') ? inboxSummary(user) : null]);
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 bg-white p-2">
        {t('newsroom.skipToContent')}
      </a>
      <header className="border-b border-rule bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/newsroom" className="font-display text-xl font-bold text-accent no-underline">
            {t('site.name')} · {t('newsroom.title')}
          </Link>
          <nav aria-label={t('newsroom.mainNav')} className="flex-1">
            <ul className="flex flex-wrap gap-1">
              {navigation
                .filter((item) => can(user, item.capability))
                .map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="rounded-md px-3 py-1.5 no-underline hover:bg-black/5">
                      {t(`newsroom.${item.label}`)}
                    </Link>
                  </li>
                ))}
            </ul>
          </nav>
          <div className="flex items-center gap-2 text-sm">
            {inbox && <NotificationBell initial={inbox} />}
            <span>{t('newsroom.signedInAs', { name: user.displayName })}</span>
            <Badge>{t(`roles.${user.role}`)}</Badge>
            <LocaleSwitch />
            <form action={signOutAction}>
              <Button type="submit" variant="secondary" size="sm">
                {t('newsroom.signOut')}
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
