'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toaster';

/** Shows a freshly issued one-time link once, with a copy button. */
export function OneTimeLink({ url, kind, expiresAt }: { url: string; kind: 'invitation' | 'password_reset'; expiresAt: Date }) {
  const t = useTranslations('users');
  const format = useFormatter();
  const toast = useToast();
  const expires = format.dateTime(expiresAt, 'dateTime');
  return (
    <div className="space-y-2 rounded-md border border-green-700 bg-green-50 p-4">
      <p className="font-bold">{kind === 'invitation' ? t('inviteLink', { expires }) : t('resetLink', { expires })}</p>
      <div className="flex gap-2">
        <input readOnly value={url} dir="ltr" aria-label={t('linkTitle')} className="h-10 flex-1 rounded-md border border-rule bg-white px-3 font-mono text-sm" data-testid="one-time-link" onFocus={(e) => e.currentTarget.select()} />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => {});
            toast(t('copied'));
          }}
        >
          {t('copy')}
        </Button>
      </div>
      <p className="text-sm text-muted">{t('linkHint')}</p>
    </div>
  );
}
