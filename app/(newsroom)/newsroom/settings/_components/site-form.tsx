'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import type { SiteSettingsView } from '@/lib/settings/settings';
import { saveSiteSettingsAction } from '../actions';

// Zones an Arab newsroom is most likely in, first; any other IANA name can be typed.
const COMMON_ZONES = ['Asia/Riyadh', 'Asia/Dubai', 'Asia/Qatar', 'Asia/Kuwait', 'Asia/Baghdad', 'Asia/Amman', 'Asia/Beirut', 'Asia/Damascus', 'Asia/Jerusalem', 'Africa/Cairo', 'Africa/Tripoli', 'Africa/Tunis', 'Africa/Algiers', 'Africa/Casablanca', 'Africa/Khartoum', 'Asia/Muscat', 'Asia/Aden', 'Europe/London', 'UTC'];

/** The site's name and description, its digits, the Hijri line and the newsroom's time zone. */
export function SiteSettingsForm({ site }: { site: SiteSettingsView }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(saveSiteSettingsAction, {});
  // After an error the form shows what was sent; otherwise what is saved.
  const value = (name: keyof SiteSettingsView) => state.values?.[name] ?? String(site[name]);
  const error = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus error={state.error} success={state.ok ? t('settings.site.saved') : null} />
      <Field name="siteName" label={t('settings.site.siteName')} error={error('siteName')}>
        {(props) => <Input {...props} defaultValue={value('siteName')} dir="auto" maxLength={80} required />}
      </Field>
      <Field name="siteDescription" label={t('settings.site.siteDescription')} hint={t('settings.site.siteDescriptionHint')} error={error('siteDescription')}>
        {(props) => <Textarea {...props} defaultValue={value('siteDescription')} dir="auto" maxLength={300} className="min-h-16" />}
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
      <Button type="submit" disabled={pending}>
        {t('settings.site.save')}
      </Button>
    </form>
  );
}
