import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StoryList } from '@/components/site/story-list';
import { slugFromParam } from '@/lib/reader/params';
import { sectionPath } from '@/lib/reader/paths';
import { getSectionListing, getSiteSettings } from '@/lib/reader/queries';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ section: string }> };

async function load(params: Props['params']) {
  const slug = slugFromParam((await params).section);
  return slug ? getSectionListing(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await load(params);
  return listing ? { title: listing.name, alternates: { canonical: sectionPath(listing.slug) } } : {};
}

export default async function SectionPage({ params }: Props) {
  const listing = await load(params);
  if (!listing) notFound();
  const [t, settings] = await Promise.all([getTranslations({ locale: 'ar', namespace: 'section' }), getSiteSettings()]);
  return (
    <section aria-labelledby="section-heading">
      <h1 id="section-heading" className="font-display text-2xl font-bold border-b-2 border-ink pb-2">
        {listing.name}
      </h1>
      <StoryList stories={listing.stories} settings={settings} emptyText={t('empty')} />
    </section>
  );
}
