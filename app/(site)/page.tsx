import type { Metadata } from 'next';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { StoryTeaser } from '@/components/site/story-card';
import { StoryList } from '@/components/site/story-list';
import { postQueryOf } from '@/lib/imports/paths';
import { redirectIfLegacy } from '@/lib/reader/legacy';
import { getFrontPage } from '@/lib/reader/listings';
import { sectionPath } from '@/lib/reader/paths';
import { getSiteSettings } from '@/lib/reader/queries';
import { shareImageFor } from '@/lib/reader/share-image';

// Rendered per request from cached reads (see README, "Caching"): the
// editors' lead and top stories, then the latest, then a block per section.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  const images = [shareImageFor(settings)];
  return {
    title: { absolute: settings.siteName },
    description: settings.siteDescription,
    alternates: { canonical: '/' },
    openGraph: { type: 'website', title: settings.siteName, description: settings.siteDescription, url: '/', siteName: settings.siteName, locale: 'ar_AR', images },
    twitter: { card: 'summary_large_image', title: settings.siteName, description: settings.siteDescription, images },
  };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  // WordPress's plain links, /?p=123, of an imported site answer 308 to the story; the cache keys them by p (lib/page-cache/policy.ts).
  const post = postQueryOf((await searchParams).p);
  if (post) await redirectIfLegacy('/', `?p=${post}`);
  const t = readerLabels('site');
  const [curated, settings] = await Promise.all([getFrontPage(), getSiteSettings()]);
  // Without a pinned lead, the newest story leads.
  const front = curated.lead ? curated : { ...curated, lead: curated.latest[0] ?? null, latest: curated.latest.slice(1) };
  const nothing = !front.lead && front.top.length === 0 && front.latest.length === 0;
  return (
    <div className="space-y-10">
      <h1 className="sr-only">{settings.siteName}</h1>
      {nothing && <p className="text-muted">{t('noStories')}</p>}
      {(front.lead || front.top.length > 0) && (
        <section aria-labelledby="top-heading" className="grid gap-8 lg:grid-cols-[2fr_1fr]">
          <h2 id="top-heading" className="sr-only">
            {t('top')}
          </h2>
          {front.lead && (
            <div data-testid="lead-story">
              <StoryTeaser story={front.lead} settings={settings} size="lead" />
            </div>
          )}
          {front.top.length > 0 && (
            <ol className="space-y-5 divide-y divide-rule" data-testid="top-stories">
              {front.top.map((story) => (
                <li key={story.storyId} className="pt-5 first:pt-0">
                  <StoryTeaser story={story} settings={settings} />
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {front.latest.length > 0 && (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="border-b-2 border-ink pb-2 font-display text-2xl font-bold">
            {t('latest')}
          </h2>
          <StoryList stories={front.latest} settings={settings} emptyText={t('noStories')} headingLevel={3} />
        </section>
      )}
      {front.sections.map((block) => (
        <section key={block.slug} aria-labelledby={`section-${block.slug}`}>
          <h2 id={`section-${block.slug}`} className="border-b-2 border-ink pb-2 font-display text-2xl font-bold">
            <a href={sectionPath(block.slug)} className="no-underline hover:underline">
              {block.name}
            </a>
          </h2>
          <ul className="mt-4 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {block.stories.map((story) => (
              <li key={story.storyId}>
                <StoryTeaser story={story} settings={settings} />
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm">
            <a href={sectionPath(block.slug)}>{t('moreIn', { name: block.name })}</a>
          </p>
        </section>
      ))}
    </div>
  );
}
