import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { readerLabels } from '@/lib/i18n/reader-labels';
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
  const t = readerLabels('tag');
  const [owned, settings] = await Promise.all([load(props), getSiteSettings()]);
  if (owned?.kind !== 'listing') return notFoundMetadata();
  const { listing } = owned;
  const description = listing.description || t('description', { name: listing.name, site: settings.siteName });
  return listingMetadata({ title: t('title', { name: listing.name }), description, path: tagPath(listing.slug), page: listing.page, site: settings });
}

// A renamed or merged tag's old slug answers 308 before anything streams.
export default async function TagPage(props: Props) {
  const owned = await load(props);
  if (owned?.kind === 'redirect') permanentRedirect(tagPath(owned.slug));
  if (owned?.kind !== 'listing') return <ReaderNotFound />;
  const { listing } = owned;
  const t = readerLabels('tag');
  const settings = await getSiteSettings();
  const intro = listing.description ? <p className="mt-2 text-muted" data-testid="listing-description">{listing.description}</p> : undefined;
  return <ListingView listing={listing} title={t('title', { name: listing.name })} path={tagPath(listing.slug)} settings={settings} emptyText={t('empty')} intro={intro} />;
}
