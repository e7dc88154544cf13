import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/current-user';
import Link from 'next/link';
import { SessionList } from '@/components/sessions/session-list';
import { getAccount } from '@/lib/users/account';
import { listOwnSessions } from '@/lib/users/sessions';
import { endSessionAction } from './actions';
import { EndOtherSessionsForm, PasswordForm, ProfileForm } from './_components/account-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const user = await requireCapability('account:manage');
  const [t, account, sessions] = await Promise.all([getTranslations(), getAccount(user), listOwnSessions(user)]);
  return (
    <div className="grid max-w-4xl gap-8 md:grid-cols-2">
      <header className="md:col-span-2">
        <h1 className="font-display text-3xl font-bold">{t('account.title')}</h1>
        <p className="mt-1 text-muted">
          <span dir="ltr">{account.email}</span> · {t(`roles.${account.role}`)}
        </p>
      </header>
      <section aria-labelledby="profile-heading" className="rounded-lg border border-rule bg-white p-6">
        <h2 id="profile-heading" className="mb-4 font-display text-xl font-bold">
          {t('account.profileTitle')}
        </h2>
        <ProfileForm account={account} />
      </section>
      <section aria-labelledby="password-heading" className="rounded-lg border border-rule bg-white p-6">
        <h2 id="password-heading" className="mb-4 font-display text-xl font-bold">
          {t('account.passwordTitle')}
        </h2>
        <PasswordForm />
      </section>
      <section aria-labelledby="security-heading" className="rounded-lg border border-rule bg-white p-6 md:col-span-2">
        <h2 id="security-heading" className="mb-2 font-display text-xl font-bold">
          {t('security.title')}
        </h2>
        <p className="mb-4 text-muted">{t('security.intro')}</p>
        <Link href="/newsroom/account/security" className="font-bold underline">
          {t('security.manage')}
        </Link>
      </section>
      <section aria-labelledby="sessions-heading" className="rounded-lg border border-rule bg-white p-6 md:col-span-2">
        <h2 id="sessions-heading" className="mb-2 font-display text-xl font-bold">
          {t('sessions.title')}
        </h2>
        <p className="mb-4 text-muted">{t('sessions.intro')}</p>
        <SessionList sessions={sessions} endAction={endSessionAction} />
        {sessions.some((session) => !session.current) && <EndOtherSessionsForm />}
      </section>
    </div>
  );
}
