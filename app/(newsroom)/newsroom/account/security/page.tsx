import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { QrCode } from '@/components/qr-code';
import { requireCapability } from '@/lib/auth/current-user';
import { getSecurityView } from '@/lib/users/second-factor';
import { TotpPanel } from './_components/totp-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security'))('title') };
}

// Also the page a user held at enrolment is sent to from everywhere else.
export default async function SecurityPage() {
  const user = await requireCapability('account:secure');
  const [t, view] = await Promise.all([getTranslations('security'), getSecurityView(user)]);
  return (
    <div className="max-w-3xl space-y-6">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      {view.mustEnrol && (
        <p role="alert" className="rounded-md border border-amber-700 bg-amber-50 px-3 py-2 font-bold text-amber-900">
          {t('mustEnrol')}
        </p>
      )}
      <section aria-labelledby="totp-heading" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <h2 id="totp-heading" className="font-display text-xl font-bold">
          {t('totpTitle')}
        </h2>
        <TotpPanel totp={view.totp} qr={view.totp.state === 'pending' ? <QrCode value={view.totp.uri} label={t('qrLabel')} /> : null} />
      </section>
    </div>
  );
}
