import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FeedLink } from '@/components/site/feed-link';
import { listingMetadata, ListingView } from '@/components/site/listing';
import { notFoundMetadata, ReaderNotFound } from '@/components/site/not-found-message';
import { sectionFeedPath } from '@/lib/feeds/site-url';
import { getSectionPage } from '@/lib/reader/listings';
import { pageFromSearch, slugFromParam } from '@/lib/reader/params';
import { sectionPath } from '@/lib/reader/paths';
import { getSiteSettings } from '@/lib/reader/queries';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ section: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const slug = slugFromParam((await params).section);
  const page = pageFromSearch((await searchParams).page);
  return slug && page ? getSectionPage(slug, page) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const [listing, settings, t] = await Promise.all([load(props), getSiteSettings(), getTranslations({ locale: 'ar', namespace: 'section' })]);
  if (!listing) return notFoundMetadata();
  return listingMetadata({ title: listing.name, description: t('description', { name: listing.name, site: settings.siteName }), path: sectionPath(listing.slug), page: listing.page, site: settings });
}

export default async function SectionPage(props: Props) {
  const listing = await load(props);
  if (!listing) return <ReaderNotFound />;
  const [t, settings] = await Promise.all([getTranslations({ locale: 'ar', namespace: 'section' }), getSiteSettings()]);
  return (
    <>
      <FeedLink href={sectionFeedPath(listing.slug)} title={`${listing.name} | ${settings.siteName}`} />
      <ListingView listing={listing} title={listing.name} path={sectionPath(listing.slug)} settings={settings} emptyText={t('empty')} />
    </>
  );
}
