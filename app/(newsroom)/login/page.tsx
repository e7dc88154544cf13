import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser, safeCallbackUrl } from '@/lib/auth/current-user';
import { AuthCard } from '../_components/auth-card';
import { PasskeySignIn } from './_components/passkey-sign-in';
import { SignInForm } from './_components/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; signedOut?: string; passwordSet?: string; email?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations();
  const notice = params.passwordSet ? t('login.passwordSet') : params.signedOut ? t('login.signedOut') : null;
  return (
    <AuthCard>
      <h1 className="font-display text-2xl font-bold">{t('login.title')}</h1>
      <p className="mb-6 mt-1 text-muted">{t('login.intro')}</p>
      <SignInForm callbackUrl={callbackUrl} notice={notice} defaultEmail={typeof params.email === 'string' ? params.email : undefined} />
      <p className="my-4 text-center text-sm text-muted">{t('passkeys.or')}</p>
      <PasskeySignIn callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
