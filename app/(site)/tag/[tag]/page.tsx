import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listingMetadata, ListingView } from '@/components/site/listing';
import { notFoundMetadata, ReaderNotFound } from '@/components/site/not-found-message';
import { getTagPage } from '@/lib/reader/listings';
import { pageFromSearch, slugFromParam } from '@/lib/reader/params';
import { tagPath } from '@/lib/reader/paths';
import { getSiteSettings } from '@/lib/reader/queries';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const slug = slugFromParam((await params).tag);
  const page = pageFromSearch((await searchParams).page);
  return slug && page ? getTagPage(slug, page) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const [listing, settings, t] = await Promise.all([load(props), getSiteSettings(), getTranslations({ locale: 'ar', namespace: 'tag' })]);
  if (!listing) return notFoundMetadata();
  return listingMetadata({ title: t('title', { name: listing.name }), description: t('description', { name: listing.name, site: settings.siteName }), path: tagPath(listing.slug), page: listing.page, site: settings });
}

export default async function TagPage(props: Props) {
  const listing = await load(props);
  if (!listing) return <ReaderNotFound />;
  const [t, settings] = await Promise.all([getTranslations({ locale: 'ar', namespace: 'tag' }), getSiteSettings()]);
  return <ListingView listing={listing} title={t('title', { name: listing.name })} path={tagPath(listing.slug)} settings={settings} emptyText={t('empty')} />;
}
