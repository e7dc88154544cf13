import { Pagination } from '@/components/site/pagination';
import { StoryList } from '@/components/site/story-list';
import type { DateSettings } from '@/lib/reader/format';
import type { Listing } from '@/lib/reader/listings';
import { shareImageFor, type SiteImages } from '@/lib/reader/share-image';

/** A section, tag or author page: its heading, an optional introduction, the stories and the pages. */
export function ListingView({ listing, title, path, settings, emptyText, intro }: { listing: Listing; title: string; path: string; settings: DateSettings; emptyText: string; intro?: React.ReactNode }) {
  return (
    <section aria-labelledby="listing-heading">
      <h1 id="listing-heading" className="border-b-2 border-ink pb-2 font-display text-2xl font-bold">
        {title}
      </h1>
      {intro}
      <StoryList stories={listing.stories} settings={settings} emptyText={emptyText} />
      <Pagination path={path} page={listing.page} pages={listing.pages} settings={settings} />
    </section>
  );
}

/** Canonical and social metadata of a listing page; pages after the first carry their number. */
export function listingMetadata({ title, description, path, page, site }: { title: string; description: string; path: string; page: number; site: SiteImages }) {
  const url = page > 1 ? `${path}?page=${page}` : path;
  const images = [shareImageFor(site)];
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'website' as const, title, description, url, siteName: site.siteName, locale: 'ar_AR', images },
    twitter: { card: 'summary_large_image' as const, title, description, images },
  };
}
