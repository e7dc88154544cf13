'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import type { MediaItem } from '@/lib/media/library';
import { UploadZone } from './upload-zone';
import { dominantDirection } from '@/lib/content/direction';

/** Choose an image from the library, or upload one: the lead image field and the editor's "insert image" use it. */
export function MediaPicker({ open, onOpenChange, onPick }: { open: boolean; onOpenChange: (open: boolean) => void; onPick: (item: MediaItem) => void }) {
  const t = useTranslations('media');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<MediaItem[] | null>(null);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/media?q=${encodeURIComponent(query)}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ items: MediaItem[] }>) : { items: [] }))
        .then((body) => setItems(body.items))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query]);
  const pick = (item: MediaItem) => {
    onPick(item);
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('picker.title')} wide>
      <div className="space-y-4">
        <UploadZone compact onUploaded={pick} />
        <label className="block space-y-1">
          <span className="block text-sm font-bold">{t('picker.search')}</span>
          <Input type="search" dir={dominantDirection(query, 'ar')} value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        {items === null ? (
          <p>{t('picker.loading')}</p>
        ) : items.length === 0 ? (
          <p>{t('picker.empty')}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="media-picker">
            {items.map((item) => (
              <li key={item.id}>
                <button type="button" onClick={() => pick(item)} className="block w-full overflow-hidden rounded-md border border-rule text-start hover:border-accent focus-visible:outline-3 focus-visible:outline-accent">
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own rendition */}
                  <img src={item.previewUrl} alt="" width={item.width} height={item.height} className="aspect-[4/3] w-full object-cover" />
                  <span className="line-clamp-2 block p-1 text-sm" dir={dominantDirection(item.alt || item.fileName, 'ar')}>
                    {item.alt || item.fileName}
                  </span>
                  <span className="sr-only">{t('picker.choose')}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
