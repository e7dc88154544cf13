import type { MediaItem } from '@/lib/media/library';

// One file to POST /api/media with XMLHttpRequest, which, unlike fetch,
// reports upload progress. The file goes as the raw body (streamed by the
// route), its name in a header. Resolves with the stored item or the refusal's
// catalogue key; never rejects.

/** The same limit the server enforces: an obviously oversize file is refused before a byte is sent. */
export const CLIENT_MAX_BYTES = 20 * 1024 * 1024;

export type UploadResult = { ok: true; item: MediaItem } | { ok: false; error: string };

export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  if (file.size === 0) return Promise.resolve({ ok: false, error: 'media.errors.empty' });
  if (file.size > CLIENT_MAX_BYTES) return Promise.resolve({ ok: false, error: 'media.errors.tooLarge' });
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { item?: MediaItem; error?: string } | null;
      if (xhr.status === 201 && body?.item) resolve({ ok: true, item: { ...body.item, createdAt: new Date(body.item.createdAt) } });
      else resolve({ ok: false, error: body?.error?.startsWith('media.') || body?.error?.startsWith('errors.') ? body.error : 'media.errors.network' });
    };
    xhr.onerror = () => resolve({ ok: false, error: 'media.errors.network' });
    xhr.send(file);
  });
}
