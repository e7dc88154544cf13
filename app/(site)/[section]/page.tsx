import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { FeedLink } from '@/components/site/feed-link';
import { goneMetadata, ReaderGone } from '@/components/site/gone-message';
import { listingMetadata, ListingView } from '@/components/site/listing';
import { notFoundMetadata, ReaderNotFound } from '@/components/site/not-found-message';
import { sectionFeedPath } from '@/lib/feeds/site-url';
import { getSectionPage } from '@/lib/reader/listings';
import { pageFromSearch, slugFromParam } from '@/lib/reader/params';
import { sectionPath } from '@/lib/reader/paths';
import { pathOf, redirectIfLegacy } from '@/lib/reader/legacy';
import { getSiteSettings } from '@/lib/reader/queries';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ section: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const slug = slugFromParam((await params).section);
  const page = pageFromSearch((await searchParams).page);
  return slug && page ? getSectionPage(slug, page) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const t = readerLabels('section');
  const [owned, settings] = await Promise.all([load(props), getSiteSettings()]);
  if (owned?.kind === 'gone') return goneMetadata('section_archived');
  if (owned?.kind !== 'listing') return notFoundMetadata();
  const { listing } = owned;
  const description = listing.description || t('description', { name: listing.name, site: settings.siteName });
  return listingMetadata({ title: listing.name, description, path: sectionPath(listing.slug), page: listing.page, site: settings });
}

// An old or merged section's slug, or an archived section pointed elsewhere, answers 308
// before anything streams; an archived section pointed nowhere answers 410.
export default async function SectionPage(props: Props) {
  const owned = await load(props);
  if (owned?.kind === 'redirect') permanentRedirect(sectionPath(owned.slug));
  if (owned?.kind === 'gone') return <ReaderGone state="section_archived" notice={null} />;
  if (!owned) {
    // An imported site's old path of one segment (Ghost's /slug/, WordPress's /%postname%/) answers 308 before a 404.
    await redirectIfLegacy(pathOf([(await props.params).section]));
    return <ReaderNotFound />;
  }
  const { listing } = owned;
  const t = readerLabels('section');
  const settings = await getSiteSettings();
  const intro = listing.description ? <p className="mt-2 text-muted" data-testid="listing-description">{listing.description}</p> : undefined;
  return (
    <>
      <FeedLink href={sectionFeedPath(listing.slug)} title={`${listing.name} | ${settings.siteName}`} />
      <ListingView listing={listing} title={listing.name} path={sectionPath(listing.slug)} settings={settings} emptyText={t('empty')} intro={intro} />
    </>
  );
}
