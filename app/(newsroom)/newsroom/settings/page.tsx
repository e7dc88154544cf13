import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/current-user';
import { getChecklistSettings, getSiteSettingsForAdmin } from '@/lib/settings/settings';
import { ChecklistForm } from './_components/checklist-form';
import { SiteSettingsForm } from './_components/site-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

// One page of sections, one form each: the pre-publish checklist first, the site's settings to follow.
export default async function SettingsPage() {
  const user = await requireCapability('settings:manage');
  const [t, policy, site] = await Promise.all([getTranslations('settings'), getChecklistSettings(user), getSiteSettingsForAdmin(user)]);
  return (
    <div className="max-w-3xl space-y-8">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      <section aria-labelledby="checklist-heading" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <div className="space-y-1">
          <h2 id="checklist-heading" className="font-display text-xl font-bold">
            {t('checklist.title')}
          </h2>
          <p className="text-sm text-muted">{t('checklist.intro')}</p>
        </div>
        <ChecklistForm policy={policy} />
      </section>
      <section aria-labelledby="site-heading" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <div className="space-y-1">
          <h2 id="site-heading" className="font-display text-xl font-bold">
            {t('site.title')}
          </h2>
          <p className="text-sm text-muted">{t('site.intro')}</p>
        </div>
        <SiteSettingsForm site={site} />
      </section>
    </div>
  );
}
