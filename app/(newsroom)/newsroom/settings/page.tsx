import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/current-user';
import { getChecklistSettings, getSiteSettingsForAdmin, siteImageChoices } from '@/lib/settings/settings';
import { ChecklistForm } from './_components/checklist-form';
import { getSignInPolicy } from '@/lib/settings/sign-in-policy';
import { getApprovalPolicy } from '@/lib/settings/approval-policy';
import { ApprovalPolicyForm } from './_components/approval-policy-form';
import { SignInPolicyForm } from './_components/sign-in-policy-form';
import { SiteSettingsForm } from './_components/site-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

// One page of sections, one form each: the pre-publish checklist first, the site's settings to follow.
export default async function SettingsPage() {
  const user = await requireCapability('settings:manage');
  const [t, policy, site, signIn, approval] = await Promise.all([
    getTranslations('settings'),
    getChecklistSettings(user),
    getSiteSettingsForAdmin(user),
    getSignInPolicy(user),
    getApprovalPolicy(user),
  ]);
  const images = await siteImageChoices(user, [site.logoMediaId, site.shareImageMediaId]);
  return (
    <div className="max-w-3xl space-y-8">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      <SettingsSection id="checklist" title={t('checklist.title')} intro={t('checklist.intro')}>
        <ChecklistForm policy={policy} />
      </SettingsSection>
      <SettingsSection id="approval" title={t('approval.title')} intro={t('approval.intro')}>
        <ApprovalPolicyForm policy={approval} />
      </SettingsSection>
      <SettingsSection id="site" title={t('site.title')} intro={t('site.intro')}>
        <SiteSettingsForm site={site} images={images} />
      </SettingsSection>
      <SettingsSection id="sign-in" title={t('signIn.title')} intro={t('signIn.intro')}>
        <SignInPolicyForm policy={signIn} />
      </SettingsSection>
    </div>
  );
}

function SettingsSection({ id, title, intro, children }: { id: string; title: string; intro: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4 rounded-lg border border-rule bg-white p-6">
      <div className="space-y-1">
        <h2 id={`${id}-heading`} className="font-display text-xl font-bold">
          {title}
        </h2>
        <p className="text-sm text-muted">{intro}</p>
      </div>
      {children}
    </section>
  );
}
