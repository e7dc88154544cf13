'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import type { MediaItem } from '@/lib/media/library';
import { filesFrom, useUploads } from './use-uploads';

/**
 * Drop, paste or pick images; each file shows its own progress bar and, in
 * the end, its result, announced through a live region.
 */
export function UploadZone({ onUploaded, compact }: { onUploaded?: (item: MediaItem) => void; compact?: boolean }) {
  const t = useTranslations('media');
  const tAll = useTranslations();
  const { entries, upload } = useUploads(onUploaded);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <div className="space-y-3">
      <div
        data-testid="upload-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          void upload(filesFrom(event.dataTransfer));
        }}
        onPaste={(event) => {
          const files = filesFrom(event.clipboardData);
          if (files.length > 0) {
            event.preventDefault();
            void upload(files);
          }
        }}
        className={cn('rounded-lg border-2 border-dashed border-rule bg-white text-center', compact ? 'p-4' : 'p-8', over && 'border-accent bg-red-50')}
      >
        <p>
          {t('upload.drop')}{' '}
          <label htmlFor={id} className="cursor-pointer font-bold text-accent-ink underline">
            {t('upload.choose')}
          </label>
        </p>
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          className="sr-only"
          aria-label={t('upload.label')}
          onChange={(event) => {
            void upload([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        <p className="mt-1 text-sm text-muted">{t('upload.hint')}</p>
      </div>
      <ul aria-live="polite" className="space-y-2" data-testid="upload-list">
        {entries.map((entry) => (
          <li key={entry.key} className="rounded-md border border-rule bg-white p-2 text-sm" data-status={entry.status}>
            {entry.status === 'uploading' && (
              <>
                <span id={`${entry.key}-label`}>{t('upload.progress', { name: entry.name })}</span>
                <progress aria-labelledby={`${entry.key}-label`} className="mt-1 block h-2 w-full" max={1} value={entry.progress} />
              </>
            )}
            {entry.status === 'done' && <span className="text-green-900">{t('upload.done', { name: entry.name })}</span>}
            {entry.status === 'failed' && (
              <span role="alert" className="font-bold text-accent-ink">
                {t('upload.failed', { name: entry.name, reason: tAll(entry.error ?? 'media.errors.network') })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
