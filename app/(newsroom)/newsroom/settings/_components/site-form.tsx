'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input, Select } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import type { ImageChoice, SiteSettingsView } from '@/lib/settings/settings';
import { saveSiteSettingsAction } from '../actions';
import { DominantInput, DominantTextarea } from '@/components/ui/dominant-input';

// Zones an Arab newsroom is most likely in, first; any other IANA name can be typed.
const COMMON_ZONES = ['Asia/Riyadh', 'Asia/Dubai', 'Asia/Qatar', 'Asia/Kuwait', 'Asia/Baghdad', 'Asia/Amman', 'Asia/Beirut', 'Asia/Damascus', 'Asia/Jerusalem', 'Africa/Cairo', 'Africa/Tripoli', 'Africa/Tunis', 'Africa/Algiers', 'Africa/Casablanca', 'Africa/Khartoum', 'Asia/Muscat', 'Asia/Aden', 'Europe/London', 'UTC'];

/** The site's name and description, its digits, the Hijri line and the newsroom's time zone. */
export function SiteSettingsForm({ site, images }: { site: SiteSettingsView; images: ImageChoice[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(saveSiteSettingsAction, {});
  // After an error the form shows what was sent; otherwise what is saved.
  const value = (name: keyof SiteSettingsView) => state.values?.[name] ?? String(site[name] ?? '');
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus error={state.error} success={state.ok ? t('settings.site.saved') : null} />
      <Field name="siteName" label={t('settings.site.siteName')} error={error('siteName')}>
        {(props) => <DominantInput {...props} defaultValue={value('siteName')} maxLength={80} required />}
      </Field>
      <Field name="siteDescription" label={t('settings.site.siteDescription')} hint={t('settings.site.siteDescriptionHint')} error={error('siteDescription')}>
        {(props) => <DominantTextarea {...props} defaultValue={value('siteDescription')} maxLength={300} className="min-h-16" />}
      </Field>
      <Field name="digits" label={t('settings.site.digits')} hint={t('settings.site.digitsHint')} error={error('digits')}>
        {(props) => (
          <Select {...props} defaultValue={value('digits')}>
            <option value="arab">{t('settings.site.digitsArab')}</option>
            <option value="latn">{t('settings.site.digitsLatn')}</option>
          </Select>
        )}
      </Field>
      <Field name="timeZone" label={t('settings.site.timeZone')} hint={t('settings.site.timeZoneHint')} error={error('timeZone')}>
        {(props) => (
          <>
            <Input {...props} defaultValue={value('timeZone')} dir="ltr" list="time-zones" autoComplete="off" />
            <datalist id="time-zones">
              {COMMON_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="showHijri" value="on" defaultChecked={state.values ? state.values.showHijri === 'on' : site.showHijri} className="size-4 accent-accent" />
        {t('settings.site.showHijri')}
      </label>
      {(['logoMediaId', 'shareImageMediaId'] as const).map((name) => (
        <ImageChooser key={name} name={name} legend={t(`settings.site.${name}`)} hint={t(`settings.site.${name}Hint`)} images={images} value={value(name)} error={error(name)} />
      ))}
      <Button type="submit" disabled={pending}>
        {t('settings.site.save')}
      </Button>
    </form>
  );
}

/** A library image chosen by radio button (no client code needed to choose), or none: the site then uses the image shipped with it. */
function ImageChooser({ name, legend, hint, images, value, error }: { name: string; legend: string; hint: string; images: ImageChoice[]; value: string; error?: string }) {
  const t = useTranslations('settings.site');
  const option = 'flex cursor-pointer flex-col items-center gap-1 rounded-md border border-rule p-2 text-xs has-checked:border-accent has-checked:outline-2 has-checked:outline-accent';
  return (
    <fieldset className="space-y-2" aria-describedby={`${name}-hint${error ? ` ${name}-error` : ''}`} aria-invalid={error ? true : undefined}>
      <legend className="font-bold">{legend}</legend>
      <p id={`${name}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      {error && (
        <p id={`${name}-error`} className="text-sm text-accent">
          {error}
        </p>
      )}
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        <label className={option}>
          <input type="radio" name={name} value="" defaultChecked={value === ''} className="sr-only" />
          <span className="flex size-16 items-center justify-center text-muted">{t('noImage')}</span>
        </label>
        {images.map((image) => (
          <label key={image.id} className={option}>
            <input type="radio" name={name} value={image.id} defaultChecked={value === image.id} className="sr-only" />
            {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already a small WebP */}
            <img src={image.previewUrl} alt={image.alt || image.fileName} className="size-16 object-contain" loading="lazy" />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
