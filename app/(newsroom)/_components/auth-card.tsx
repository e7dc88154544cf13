import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LocaleSwitch } from './locale-switch';

/** The frame of the pages used before signing in: the name, the language switch, and a card. */
export async function AuthCard({ children }: { children: ReactNode }) {
  const t = await getTranslations('site');
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-center justify-between">
        <p className="font-display text-3xl font-bold text-accent">{t('name')}</p>
        <LocaleSwitch />
      </div>
      <div className="rounded-lg border border-rule bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
