'use client';

import { NextIntlClientProvider, type AbstractIntlMessages, type Formats } from 'next-intl';
import { Direction } from 'radix-ui';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toaster';

// The staff area's client providers. They live in the newsroom root layout
// only, so reader pages never load them.
export function Providers({ locale, messages, timeZone, formats, children }: { locale: 'ar' | 'en'; messages: AbstractIntlMessages; timeZone: string; formats: Formats; children: ReactNode }) {
  const newsroom = messages.newsroom as AbstractIntlMessages | undefined;
  const toastLabel = (newsroom?.notification as string | undefined) ?? '';
  // Read raw, not through t(): Radix fills in {hotkey} itself. Radix's default is English.
  const regionLabel = (newsroom?.toastRegion as string | undefined) ?? '';
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone} formats={formats}>
      <Direction.Provider dir={dir}>
        <Toaster dir={dir} label={toastLabel} regionLabel={regionLabel}>
          {children}
        </Toaster>
      </Direction.Provider>
    </NextIntlClientProvider>
  );
}
