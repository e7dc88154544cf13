import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundMessage } from '@/components/site/not-found-message';
import { naskh } from './fonts';
import { siteIcons } from './site-icon';
import './(site)/site.css';

// For URLs no route matches (there are two root layouts, so no shared one to render inside).
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: 'ar', namespace: 'notFound' });
  return { title: t('title'), icons: siteIcons };
}

export default function GlobalNotFound() {
  return (
    <html lang="ar" dir="rtl" className={naskh.variable}>
      <body>
        <main className="px-4">
          <NotFoundMessage />
        </main>
      </body>
    </html>
  );
}
