'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { MediaPicker } from '@/components/newsroom/media/media-picker';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import type { MediaItem } from '@/lib/media/library';
import type { LeadImageDraft } from '@/lib/stories/working-copy';

/** The library item as a lead image with no overrides yet: the library's text applies. */
export const leadImageOf = (item: MediaItem): LeadImageDraft => ({
  id: item.id,
  previewUrl: item.previewUrl,
  width: item.width,
  height: item.height,
  alt: null,
  caption: null,
  credit: null,
  library: { alt: item.alt, caption: item.caption, credit: item.credit },
});

/**
 * The story's lead image, with its alt, caption and credit for this story.
 * An empty field takes the library's text, shown as the placeholder.
 */
export function LeadImageField({ value, onChange, readOnly, error }: { value: LeadImageDraft | null; onChange: (next: LeadImageDraft | null) => void; readOnly: boolean; error?: string }) {
  const t = useTranslations('media');
  const [picking, setPicking] = useState(false);
  const text = (name: 'alt' | 'caption' | 'credit', input: string) => value && onChange({ ...value, [name]: input.trim() === '' ? null : input });
  return (
    <fieldset className="space-y-3 rounded-md border border-rule p-3" data-testid="lead-image">
      <legend className="px-1 font-bold">{t('lead.label')}</legend>
      {value ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own rendition
        <img src={value.previewUrl} alt={value.alt ?? value.library.alt} width={value.width} height={value.height} className="h-auto w-full rounded-md" />
      ) : (
        <p className="text-sm text-muted">{t('lead.none')}</p>
      )}
      {error && <p className="text-sm font-bold text-accent-ink">{error}</p>}
      {!readOnly && (
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" onClick={() => setPicking(true)}>
            {value ? t('lead.change') : t('lead.choose')}
          </Button>
          {value && (
            <Button variant="secondary" size="sm" onClick={() => onChange(null)}>
              {t('lead.remove')}
            </Button>
          )}
        </div>
      )}
      {value && (
        <>
          <Field name="leadImageAlt" label={t('lead.alt')} hint={value.library.alt ? t('lead.overrideHint', { value: value.library.alt }) : undefined}>
            {(props) => <Textarea {...props} dir="auto" rows={2} readOnly={readOnly} maxLength={300} placeholder={value.library.alt} value={value.alt ?? ''} onChange={(e) => text('alt', e.target.value)} />}
          </Field>
          <Field name="leadImageCaption" label={t('lead.caption')} hint={value.library.caption ? t('lead.overrideHint', { value: value.library.caption }) : undefined}>
            {(props) => <Textarea {...props} dir="auto" rows={2} readOnly={readOnly} maxLength={600} placeholder={value.library.caption} value={value.caption ?? ''} onChange={(e) => text('caption', e.target.value)} />}
          </Field>
          <Field name="leadImageCredit" label={t('lead.credit')} hint={value.library.credit ? t('lead.overrideHint', { value: value.library.credit }) : undefined}>
            {(props) => <Input {...props} dir="auto" readOnly={readOnly} maxLength={200} placeholder={value.library.credit} value={value.credit ?? ''} onChange={(e) => text('credit', e.target.value)} />}
          </Field>
        </>
      )}
      <MediaPicker open={picking} onOpenChange={setPicking} onPick={(item) => onChange(leadImageOf(item))} />
    </fieldset>
  );
}
