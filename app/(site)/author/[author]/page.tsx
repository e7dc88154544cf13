import type { Metadata } from 'next';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { listingMetadata, ListingView } from '@/components/site/listing';
import { notFoundMetadata, ReaderNotFound } from '@/components/site/not-found-message';
import { getAuthorPage } from '@/lib/reader/listings';
import { pageFromSearch, slugFromParam } from '@/lib/reader/params';
import { authorPath } from '@/lib/reader/paths';
import { getSiteSettings } from '@/lib/reader/queries';
import { dominantDirection } from '@/lib/content/direction';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ author: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const slug = slugFromParam((await params).author);
  const page = pageFromSearch((await searchParams).page);
  return slug && page ? getAuthorPage(slug, page) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const t = readerLabels('author');
  const [author, settings] = await Promise.all([load(props), getSiteSettings()]);
  if (!author) return notFoundMetadata();
  const description = author.bio || t('description', { name: author.name, site: settings.siteName });
  return listingMetadata({ title: author.name, description, path: authorPath(author.slug), page: author.page, site: settings });
}

export default async function AuthorPage(props: Props) {
  const author = await load(props);
  if (!author) return <ReaderNotFound />;
  const t = readerLabels('author');
  const settings = await getSiteSettings();
  const intro = (
    <div className="mt-4 space-y-2" data-testid="author-profile">
      {author.jobTitle && <p className="font-bold text-muted">{author.jobTitle}</p>}
      {author.bio && (
        <p dir={dominantDirection(author.bio, 'ar')} className="max-w-3xl">
          {author.bio}
        </p>
      )}
      <h2 className="pt-4 font-display text-xl font-bold">{t('stories', { name: author.name })}</h2>
    </div>
  );
  return <ListingView listing={author} title={author.name} path={authorPath(author.slug)} settings={settings} emptyText={t('empty')} intro={intro} />;
}
