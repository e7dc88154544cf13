'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

// What a staff member sees when a newsroom page fails, in their UI language,
// instead of Next's English fallback. The digest is the one thing the server
// log and the person can both name; the error's own message stays on the server.
export function NewsroomErrorMessage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('newsroomError');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section role="alert" className="mx-auto max-w-2xl py-16 text-center" data-testid="newsroom-error">
      <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg text-muted">{t('body')}</p>
      {error.digest && (
        <p className="mt-2 text-sm text-muted">
          {t('reference')} <code dir="ltr">{error.digest}</code>
        </p>
      )}
      <div className="mt-8 flex justify-center gap-3">
        <Button onClick={reset}>{t('retry')}</Button>
        <Link href="/newsroom" className="inline-flex h-10 items-center rounded-md px-4 font-bold text-accent-ink underline">
          {t('dashboard')}
        </Link>
      </div>
    </section>
  );
}
