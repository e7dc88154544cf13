import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { listingMetadata, ListingView } from '@/components/site/listing';
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
  const [owned, settings, t] = await Promise.all([load(props), getSiteSettings(), getTranslations({ locale: 'ar', namespace: 'section' })]);
  if (owned?.kind !== 'listing') return {};
  const { listing } = owned;
  const description = listing.description || t('description', { name: listing.name, site: settings.siteName });
  return listingMetadata({ title: listing.name, description, path: sectionPath(listing.slug), page: listing.page, siteName: settings.siteName });
}

// An old or merged section's slug, or an archived section pointed elsewhere, answers 308
// before anything streams; an archived section pointed nowhere answers 410 from proxy.ts.
export default async function SectionPage(props: Props) {
  const owned = await load(props);
  if (owned?.kind === 'redirect') permanentRedirect(sectionPath(owned.slug));
  if (!owned) notFound();
  const { listing } = owned;
  const [t, settings] = await Promise.all([getTranslations({ locale: 'ar', namespace: 'section' }), getSiteSettings()]);
  const intro = listing.description ? <p className="mt-2 text-muted" data-testid="listing-description">{listing.description}</p> : undefined;
  return <ListingView listing={listing} title={listing.name} path={sectionPath(listing.slug)} settings={settings} emptyText={t('empty')} intro={intro} />;
}
