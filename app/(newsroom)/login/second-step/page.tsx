import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { safeCallbackUrl } from '@/lib/auth/current-user';
import { SECOND_STEP_COOKIE } from '@/lib/auth/second-step';
import { hasPendingSecondStep } from '@/lib/auth/sign-in-steps';
import { AuthCard } from '../../_components/auth-card';
import { PasskeySignIn } from '../_components/passkey-sign-in';
import { SecondStepForm } from './_components/second-step-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('secondStep'))('title') };
}

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

// Shown only while this browser holds a valid pending second step; anyone else starts at the password.
export default async function SecondStepPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (!hasPendingSecondStep((await cookies()).get(SECOND_STEP_COOKIE)?.value)) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const t = await getTranslations('secondStep');
  return (
    <AuthCard>
      <h1 className="font-display text-2xl font-bold">{t('title')}</h1>
      <p className="mb-6 mt-1 text-muted">{t('intro')}</p>
      <SecondStepForm callbackUrl={callbackUrl} />
      <p className="my-4 text-center text-sm text-muted">{t('or')}</p>
      <PasskeySignIn callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
