'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { IMPORT_SOURCES, type ImportSource } from '@/lib/enums';
import { OptionCheckbox } from './option-checkbox';

// The export goes as the raw body of POST /api/imports, with XMLHttpRequest
// for its upload progress; the route keeps it and queues its dry run, and this
// page then opens the run, which shows the dry run's progress and then its
// plan (or, for a file that is no export, the reader's own reason).

type Refusal = { error: string };

export function UploadForm({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return setRefusal({ error: 'imports.errors.empty' });
    if (file.size > maxBytes) return setRefusal({ error: 'imports.errors.tooLarge' });
    const query = new URLSearchParams({ source: String(form.get('source') ?? ''), baseUrl: String(form.get('baseUrl') ?? ''), allowPrivate: form.get('allowPrivate') === 'on' ? 'on' : '' });
    setRefusal(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?${query}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (progressEvent) => progressEvent.lengthComputable && setProgress(progressEvent.loaded / progressEvent.total);
    xhr.onload = () => {
      const body = xhr.response as { id?: string; error?: string } | null;
      if (xhr.status === 202 && body?.id) return router.push(`/newsroom/imports?run=${body.id}`);
      setProgress(null);
      setRefusal({ error: body?.error?.startsWith('imports.') || body?.error?.startsWith('errors.') ? body.error : 'imports.errors.network' });
    };
    xhr.onerror = () => {
      setProgress(null);
      setRefusal({ error: 'imports.errors.network' });
    };
    xhr.send(file);
  };

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormStatus error={refusal?.error} />
      <fieldset className="space-y-1">
        <legend className="font-bold">{t('imports.source')}</legend>
        {IMPORT_SOURCES.map((source: ImportSource, index) => (
          <label key={source} className="flex items-center gap-2">
            <input type="radio" name="source" value={source} defaultChecked={index === 0} className="size-4 accent-accent" />
            {t(`imports.sources.${source}`)}
          </label>
        ))}
      </fieldset>
      <Field name="import-file" label={t('imports.file')} hint={t('imports.fileHint', { megabytes: Math.round(maxBytes / 1024 / 1024) })}>
        {(props) => <input {...props} name="file" type="file" accept=".xml,.json,application/xml,application/json,text/xml" className="block" required />}
      </Field>
      <Field name="import-base-url" label={t('imports.baseUrl')} hint={t('imports.baseUrlHint')}>
        {(props) => <Input {...props} name="baseUrl" type="url" dir="ltr" maxLength={300} />}
      </Field>
      <OptionCheckbox name="allowPrivate" label={t('imports.allowPrivate')} hint={t('imports.allowPrivateHint')} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={progress !== null}>
          {progress === null ? t('imports.upload') : t('imports.uploading')}
        </Button>
        {progress !== null && <progress value={progress} max={1} aria-label={t('imports.uploadProgress')} className="w-48" />}
      </div>
    </form>
  );
}
