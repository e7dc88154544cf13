'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { ShownOnce } from '@/components/newsroom/shown-once';

/** Shows a freshly issued one-time link once, with a copy button. */
export function OneTimeLink({ url, kind, expiresAt }: { url: string; kind: 'invitation' | 'password_reset'; expiresAt: Date }) {
  const t = useTranslations('users');
  const format = useFormatter();
  const expires = format.dateTime(expiresAt, 'dateTime');
  return <ShownOnce value={url} label={kind === 'invitation' ? t('inviteLink', { expires }) : t('resetLink', { expires })} hint={t('linkHint')} testId="one-time-link" />;
}
