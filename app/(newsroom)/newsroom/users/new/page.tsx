import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/current-user';
import { CreateUserForm } from '../_components/create-user-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('createTitle') };
}

export default async function NewUserPage() {
  await requireCapability('users:manage');
  const t = await getTranslations('users');
  return (
    <div className="max-w-xl space-y-6">
      <Link href="/newsroom/users" className="text-sm text-muted underline">
        {t('back')}
      </Link>
      <header>
        <h1 className="font-display text-3xl font-bold">{t('createTitle')}</h1>
        <p className="mt-2 text-muted">{t('createIntro')}</p>
      </header>
      <CreateUserForm />
    </div>
  );
}
