import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { requireCapability } from '@/lib/auth/current-user';
import { getStaffMember } from '@/lib/users/queries';
import { SessionList } from '@/components/sessions/session-list';
import { listUserSessions } from '@/lib/users/sessions';
import { endUserSessionAction } from '../actions';
import { AccessLinkForm, ResetSecondFactorForm, RoleForm, SignOutEverywhereForm, StatusForm } from '../_components/manage-user';
import { dominantDirection } from '@/lib/content/direction';

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  const user = await requireCapability('users:manage');
  const id = z.uuid().safeParse((await params).id);
  const member = id.success ? await getStaffMember(user, id.data) : null;
  if (!member) notFound();
  return { user, member };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { member } = await load(params);
  return { title: member.displayName };
}

export default async function UserPage({ params }: Props) {
  const { user, member } = await load(params);
  const [t, format, sessions] = await Promise.all([getTranslations(), getFormatter(), listUserSessions(user, member.id)]);
  const when = (date: Date) => format.dateTime(date, 'dateTime');
  const statusKey = member.status === 'active' && member.invited ? 'invited' : member.status;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/newsroom/users" className="text-sm text-muted underline">
        {t('users.back')}
      </Link>
      <header className="space-y-1">
        <h1 className="font-display text-3xl font-bold">{member.displayName}</h1>
        <p dir="ltr" className="text-muted rtl:text-end">
          {member.email}
        </p>
        <p className="flex flex-wrap gap-2">
          <Badge>{t(`roles.${member.role}`)}</Badge>
          <Badge tone={member.status === 'deactivated' ? 'bad' : member.invited ? 'warn' : 'good'}>{t(`status.${statusKey}`)}</Badge>
        </p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-rule bg-white p-4">
        <dt className="font-bold">{t('users.lastSignIn')}</dt>
        <dd>{member.lastSignInAt ? when(member.lastSignInAt) : t('users.never')}</dd>
        <dt className="font-bold">{t('users.createdAt')}</dt>
        <dd>{when(member.createdAt)}</dd>
        <dt className="font-bold">{t('users.jobTitle')}</dt>
        <dd>{member.jobTitle ?? '—'}</dd>
        <dt className="font-bold">{t('users.authorSlug')}</dt>
        <dd dir={dominantDirection(member.authorSlug ?? '', 'ar')}>{member.authorSlug ?? '—'}</dd>
        {member.pendingLink && (
          <>
            <dt className="font-bold">{t('users.linkTitle')}</dt>
            <dd>{t('users.pendingLink', { expires: when(member.pendingLink.expiresAt) })}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="actions-heading" className="space-y-6 rounded-lg border border-rule bg-white p-4">
        <h2 id="actions-heading" className="font-display text-xl font-bold">
          {t('users.actions')}
        </h2>
        <RoleForm member={member} />
        <AccessLinkForm member={member} />
        <div className="flex flex-wrap gap-4">
          <SignOutEverywhereForm member={member} />
          <ResetSecondFactorForm member={member} />
          <StatusForm member={member} />
        </div>
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-2 rounded-lg border border-rule bg-white p-4">
        <h2 id="sessions-heading" className="font-display text-xl font-bold">
          {t('sessions.title')}
        </h2>
        <SessionList sessions={sessions} endAction={endUserSessionAction} userId={member.id} />
      </section>
    </div>
  );
}
