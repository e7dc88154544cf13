import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import NewsroomError from '@/app/(newsroom)/newsroom/error';

const render = (locale: 'ar' | 'en', digest?: string) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === 'ar' ? ar : en} timeZone="Asia/Riyadh">
      <NewsroomError error={Object.assign(new Error('relation "stories" does not exist'), digest ? { digest } : {})} reset={() => {}} />
    </NextIntlClientProvider>,
  );

describe('the newsroom error page', () => {
  it('speaks the staff member’s UI language, never Next’s English fallback', () => {
    const html = render('ar', '4242');
    expect(html).toContain(ar.newsroomError.title);
    expect(html).toContain(ar.newsroomError.retry);
    expect(html).toContain('4242');
    expect(html).not.toMatch(/Application error|client-side exception|server-side exception/);
    expect(render('en')).toContain(en.newsroomError.title);
  });

  it('never shows the error’s own message, which may name tables or data', () => {
    expect(render('ar', '4242')).not.toContain('relation');
  });
});
