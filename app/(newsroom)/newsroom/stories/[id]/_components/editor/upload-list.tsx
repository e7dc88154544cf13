'use client';

import { useTranslations } from 'next-intl';
import type { useUploads } from '@/components/newsroom/media/use-uploads';

/** Files being uploaded into the text, with their progress, and those that failed. */
export function UploadList({ entries }: { entries: ReturnType<typeof useUploads>['entries'] }) {
  const t = useTranslations();
  const pending = entries.filter((entry) => entry.status !== 'done');
  if (pending.length === 0) return null;
  return (
    <ul aria-live="polite" className="space-y-1 border-b border-rule p-2 text-sm" data-testid="editor-uploads">
      {pending.map((entry) => (
        <li key={entry.key}>
          {entry.status === 'uploading' ? (
            <>
              <span id={`${entry.key}-label`}>{t('media.upload.progress', { name: entry.name })}</span>
              <progress aria-labelledby={`${entry.key}-label`} className="block h-2 w-full" max={1} value={entry.progress} />
            </>
          ) : (
            <span role="alert" className="font-bold text-accent-ink">
              {t('media.upload.failed', { name: entry.name, reason: t(entry.error ?? 'media.errors.network') })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
