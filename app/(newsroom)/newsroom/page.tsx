import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/current-user';
import { capabilitiesOf } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('newsroom'))('dashboard') };
}

export default async function DashboardPage() {
  const user = await requireCapability('newsroom:enter');
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('newsroom.welcome', { name: user.displayName })}</h1>
        <p className="mt-2 text-muted">{t('newsroom.dashboardIntro')}</p>
      </header>
      <section aria-labelledby="capabilities-heading" className="rounded-lg border border-rule bg-white p-6">
        <h2 id="capabilities-heading" className="font-display text-xl font-bold">
          {t('newsroom.capabilitiesTitle')}
        </h2>
        <p className="mt-1 text-muted">{t('newsroom.yourRole', { role: t(`roles.${user.role}`) })}</p>
        <ul className="mt-3 list-disc space-y-1 ps-6">
          {capabilitiesOf(user.role).map((capability) => (
            <li key={capability}>{t(`capabilities.${capability}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
