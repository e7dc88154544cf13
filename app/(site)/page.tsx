import { getTranslations } from 'next-intl/server';
import { StoryList } from '@/components/site/story-list';
import { getLatestStories, getSiteSettings } from '@/lib/reader/queries';

// Rendered per request from cached reads (see README, "Caching").
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [t, stories, settings] = await Promise.all([
    getTranslations({ locale: 'ar', namespace: 'site' }),
    getLatestStories(),
    getSiteSettings(),
  ]);
  return (
    <section aria-labelledby="latest-heading">
      <h1 id="latest-heading" className="font-display text-2xl font-bold border-b-2 border-ink pb-2">
        {t('latest')}
      </h1>
      <StoryList stories={stories} settings={settings} emptyText={t('noStories')} />
    </section>
  );
}
