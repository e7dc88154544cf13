'use client';

import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { Direction } from 'radix-ui';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toaster';

// The staff area's client providers. They live in the newsroom root layout
// only, so reader pages never load them.
export function Providers({ locale, messages, timeZone, children }: { locale: 'ar' | 'en'; messages: AbstractIntlMessages; timeZone: string; children: ReactNode }) {
  const toastLabel = ((messages.newsroom as AbstractIntlMessages | undefined)?.notification as string | undefined) ?? '';
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
      <Direction.Provider dir={dir}>
        <Toaster dir={dir} label={toastLabel}>
          {children}
        </Toaster>
      </Direction.Provider>
    </NextIntlClientProvider>
  );
}
