import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser, safeCallbackUrl } from '@/lib/auth/current-user';
import { LocaleSwitch } from '../_components/locale-switch';
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
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-center justify-between">
        <p className="font-display text-3xl font-bold text-accent">{t('site.name')}</p>
        <LocaleSwitch />
      </div>
      <div className="rounded-lg border border-rule bg-white p-6 shadow-sm">
        <h1 className="font-display text-2xl font-bold">{t('login.title')}</h1>
        <p className="mb-6 mt-1 text-muted">{t('login.intro')}</p>
        <SignInForm callbackUrl={callbackUrl} notice={notice} defaultEmail={typeof params.email === 'string' ? params.email : undefined} />
      </div>
    </main>
  );
}
