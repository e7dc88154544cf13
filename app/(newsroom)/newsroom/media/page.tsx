import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { requireCapability } from '@/lib/auth/current-user';
import { getMediaItem, listMedia, MEDIA_PAGE_SIZE } from '@/lib/media/library';
import { mediaFilterSchema, type MediaFilter } from '@/lib/media/schemas';
import { hrefWith } from '@/lib/url';
import { DeleteMediaForm } from './_components/delete-media-form';
import { LibraryUploader } from './_components/library-uploader';
import { MediaEditForm } from './_components/media-edit-form';
import { ProcessingWatcher } from './_components/processing-watcher';
import { dominantDirection } from '@/lib/content/direction';
import { DominantInput } from '@/components/ui/dominant-input';
import { RowLink } from '@/components/newsroom/row-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('media'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const stateTone = { processing: 'text-amber-900', ready: 'text-green-900', failed: 'text-accent-ink' } as const;

export default async function MediaLibraryPage({ searchParams }: Props) {
  const user = await requireCapability('media:upload');
  const params = await searchParams;
  const filter = mediaFilterSchema.parse(params);
  const selectedId = z.uuid().safeParse(params.id);
  const [t, { items, total, uploaders }, selected] = await Promise.all([
    getTranslations(),
    listMedia(user, filter),
    selectedId.success ? getMediaItem(user, selectedId.data) : Promise.resolve(null),
  ]);
  const pages = Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE));
  const hrefFor = (patch: Partial<MediaFilter> & { id?: string }) => hrefWith('/newsroom/media', { ...filter, ...patch });
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('media.title')}</h1>
        <p className="mt-1 text-muted">{t('media.intro')}</p>
      </header>
      <LibraryUploader />
      {(items.some((item) => item.state === 'processing') || selected?.item.state === 'processing') && <ProcessingWatcher />}

      <form method="get" role="search" className="grid gap-3 rounded-lg border border-rule bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('media.filters.search')}</span>
          <DominantInput type="search" name="q" defaultValue={filter.q} />
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('media.filters.uploader')}</span>
          <Select name="uploader" defaultValue={filter.uploader ?? ''}>
            <option value="">{t('media.filters.anyone')}</option>
            {uploaders.map((uploader) => (
              <option key={uploader.id} value={uploader.id}>
                {uploader.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('media.filters.from')}</span>
          <Input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('media.filters.to')}</span>
          <Input type="date" name="to" defaultValue={filter.to} />
        </label>
        <Button type="submit">{t('media.filters.apply')}</Button>
      </form>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="media-results">
          <h2 id="media-results" className="mb-3 text-sm text-muted">
            {t('media.filters.results', { count: total })}
          </h2>
          {items.length === 0 ? (
            <p>{t('media.empty')}</p>
          ) : (
            <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-4" data-testid="media-grid">
              {items.map((item) => (
                <li key={item.id} className={`overflow-hidden rounded-lg border bg-white ${selected?.item.id === item.id ? 'border-accent' : 'border-rule'}`}>
                  <RowLink href={hrefFor({ id: item.id })} className="block no-underline" aria-current={selected?.item.id === item.id ? 'true' : undefined}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- our own renditions, already sized */}
                    <img src={item.previewUrl} alt={item.alt} width={item.width} height={item.height} loading="lazy" className="aspect-[4/3] w-full bg-cover object-cover" style={{ backgroundImage: `url(${item.placeholder})` }} />
                    <span className="block space-y-1 p-2 text-sm">
                      <span className={`block font-bold ${stateTone[item.state]}`} data-testid="media-state">
                        {t(`media.state.${item.state}`)}
                      </span>
                      <span className="line-clamp-2 block" dir={dominantDirection(item.alt || t('media.noAlt'), 'ar')}>
                        {item.alt || <span className="text-accent-ink">{t('media.noAlt')}</span>}
                      </span>
                    </span>
                  </RowLink>
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav aria-label={t('media.title')} className="mt-4 flex gap-2">
              {filter.page > 1 && <Link href={hrefFor({ page: filter.page - 1 })}>←</Link>}
              <span>
                {filter.page} / {pages}
              </span>
              {filter.page < pages && <Link href={hrefFor({ page: filter.page + 1 })}>→</Link>}
            </nav>
          )}
        </section>

        {selected && (
          <aside aria-labelledby="media-edit-title" className="space-y-4 self-start rounded-lg border border-rule bg-white p-4" data-testid="media-panel">
            <div className="flex items-center justify-between gap-2">
              <h2 id="media-edit-title" className="font-display text-lg font-bold">
                {t('media.edit.title')}
              </h2>
              <Link href={hrefFor({ id: undefined })} className="text-sm">
                {t('media.edit.close')}
              </Link>
            </div>
            {/* eslint-disable-next-line @next/next/no-img-element -- our own rendition */}
            <img src={selected.item.previewUrl} alt={selected.item.alt} width={selected.item.width} height={selected.item.height} className="h-auto w-full rounded-md" />
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted">{t('media.edit.file')}</dt>
              <dd dir={dominantDirection(selected.item.fileName, 'ar')} className="break-all">
                {selected.item.fileName}
              </dd>
              <dt className="text-muted">{t('media.edit.size', { width: selected.item.width, height: selected.item.height })}</dt>
              <dd>
                <Badge>{t(`media.state.${selected.item.state}`)}</Badge>
              </dd>
              {selected.item.uploaderName && <dd className="col-span-2 text-muted">{t('media.edit.uploadedBy', { name: selected.item.uploaderName })}</dd>}
            </dl>
            <MediaEditForm item={selected.item} />
            <section aria-labelledby="media-uses" className="space-y-2">
              <h3 id="media-uses" className="font-bold">
                {t('media.uses.title')}
              </h3>
              {selected.uses.length === 0 ? (
                <p className="text-sm text-muted">{t('media.uses.none')}</p>
              ) : (
                <ul className="space-y-1 text-sm" data-testid="media-uses">
                  {selected.uses.map((use) => (
                    <li key={use.storyId}>
                      <RowLink href={`/newsroom/stories/${use.storyId}`} dir={dominantDirection(use.headline || use.storyId, 'ar')}>
                        {use.headline || use.storyId}
                      </RowLink>
                      {use.published && <span className="ms-2 text-muted">({t('media.uses.published')})</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {selected.item.canDelete && <DeleteMediaForm id={selected.item.id} />}
          </aside>
        )}
      </div>
    </div>
  );
}
