'use client';

import { useCallback, useState } from 'react';
import type { MediaItem } from '@/lib/media/library';
import { uploadFile } from './upload-file';

export type UploadEntry = { key: string; name: string; progress: number; status: 'uploading' | 'done' | 'failed'; error?: string; item?: MediaItem };

/** Several files at once, each with its own progress; `onUploaded` hears of each stored image. */
export function useUploads(onUploaded?: (item: MediaItem) => void) {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const update = (key: string, patch: Partial<UploadEntry>) => setEntries((all) => all.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)));

  const upload = useCallback(
    async (files: readonly File[]) => {
      const started = files.map((file, index) => ({ file, key: `${Date.now()}-${index}-${file.name}` }));
      setEntries((all) => [...started.map(({ file, key }) => ({ key, name: file.name, progress: 0, status: 'uploading' as const })), ...all].slice(0, 20));
      await Promise.all(
        started.map(async ({ file, key }) => {
          const result = await uploadFile(file, (progress) => update(key, { progress }));
          if (result.ok) {
            update(key, { status: 'done', progress: 1, item: result.item });
            onUploaded?.(result.item);
          } else update(key, { status: 'failed', error: result.error });
        }),
      );
    },
    [onUploaded],
  );
  return { entries, upload };
}

/** Image files from a drop or a paste. */
export function filesFrom(data: DataTransfer | null): File[] {
  return data ? [...data.files] : [];
}
