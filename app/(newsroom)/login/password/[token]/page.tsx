import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { inspectLink } from '@/lib/users/account';
import { AuthCard } from '../../../_components/auth-card';
import { SetPasswordForm } from './_components/set-password-form';

export const metadata: Metadata = { referrer: 'no-referrer' };

type Props = { params: Promise<{ token: string }> };

// An invitation or a password reset: the page says which, and refuses an
// unknown, used or expired link without saying which of the three it is.
export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslations(), /^[A-Za-z0-9_-]{20,200}$/.test(token) ? inspectLink(token) : null]);
  return (
    <AuthCard>
      {link ? (
        <>
          <h1 className="font-display text-2xl font-bold">{link.kind === 'invitation' ? t('password.inviteTitle') : t('password.resetTitle')}</h1>
          <p className="mb-6 mt-1 text-muted">
            {t(link.kind === 'invitation' ? 'password.inviteIntro' : 'password.resetIntro', { email: link.email })}
          </p>
          <SetPasswordForm token={token} email={link.email} />
        </>
      ) : (
        <>
          <h1 className="font-display text-2xl font-bold">{t('password.invalidTitle')}</h1>
          <p className="mt-2">{t('password.invalidBody')}</p>
          <Link href="/login" className="mt-6 inline-block font-bold text-accent-ink underline">
            {t('password.backToLogin')}
          </Link>
        </>
      )}
    </AuthCard>
  );
}
