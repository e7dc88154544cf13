import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { QrCode } from '@/components/qr-code';
import { requireCapability } from '@/lib/auth/current-user';
import { listPasskeys } from '@/lib/users/passkeys';
import { getSecurityView } from '@/lib/users/second-factor';
import { AddPasskeyForm, RemovePasskeyForm } from './_components/passkey-forms';
import { TotpPanel } from './_components/totp-forms';
import { dominantDirection } from '@/lib/content/direction';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security'))('title') };
}

// Also the page a user held at enrolment is sent to from everywhere else.
export default async function SecurityPage() {
  const user = await requireCapability('account:secure');
  const [t, view, keys, format] = await Promise.all([getTranslations('security'), getSecurityView(user), listPasskeys(user), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, 'dateTime');
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
      <section aria-labelledby="passkeys-heading" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <h2 id="passkeys-heading" className="font-display text-xl font-bold">
          {t('passkeysTitle')}
        </h2>
        <p className="text-muted">{t('passkeysIntro')}</p>
        {keys.length > 0 && (
          <ul className="divide-y divide-rule" aria-label={t('passkeysTitle')}>
            {keys.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-bold" dir={dominantDirection(key.name, 'ar')}>
                    {key.name}
                  </p>
                  <p className="text-sm text-muted">{t('passkeyDates', { added: when(key.createdAt), used: key.lastUsedAt ? when(key.lastUsedAt) : t('never') })}</p>
                </div>
                <RemovePasskeyForm passkeyId={key.id} name={key.name} />
              </li>
            ))}
          </ul>
        )}
        <AddPasskeyForm />
      </section>
    </div>
  );
}
