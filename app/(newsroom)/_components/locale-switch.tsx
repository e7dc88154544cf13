import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '../actions';
import { Button } from '@/components/ui/button';

/** One button that switches to the other UI language; a plain form, so it works before any JavaScript loads. */
export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('locale')]);
  const other = locale === 'ar' ? 'en' : 'ar';
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <Button type="submit" variant="ghost" size="sm" lang={other} aria-label={`${t('label')}: ${t(other)}`}>
        {t('switchTo')}
      </Button>
    </form>
  );
}
