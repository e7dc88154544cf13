import { getTranslations } from 'next-intl/server';

export async function NotFoundMessage() {
  const t = await getTranslations({ locale: 'ar', namespace: 'notFound' });
  return (
    <section className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg text-muted">{t('body')}</p>
      <p className="mt-8">
        <a href="/" className="font-bold text-accent-ink underline">
          {t('backHome')}
        </a>
      </p>
    </section>
  );
}
