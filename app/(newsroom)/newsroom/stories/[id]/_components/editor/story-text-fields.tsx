'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { visibleLength } from '@/lib/checklist/rules';
import { dominantDirection } from '@/lib/content/direction';
import type { StoryMeta } from './use-story-save';

export const HEADLINE_MAX = 250;

type Props = {
  meta: StoryMeta;
  onChange: (patch: Partial<StoryMeta>) => void;
  readOnly: boolean;
  errors: Record<string, string>;
};

/**
 * Kicker, headline, subheadline and standfirst, above the body as in every
 * newsroom editor, each with a placeholder that says what goes there. A story
 * without a headline (a new one) opens with the cursor in the headline. Each
 * field reads in the direction of its dominant script, as body blocks do.
 */
export function StoryTextFields({ meta, onChange, readOnly, errors }: Props) {
  const t = useTranslations();
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  // Decided once, when the editor opens: typing the first letter must not move the focus.
  const [focusHeadline] = useState(() => !readOnly && meta.headline.trim() === '');
  // Counted as the pre-publish checklist counts it (tashkeel not counted), so the two never disagree.
  const headlineLength = visibleLength(meta.headline);
  const dirOf = (value: string) => dominantDirection(value, meta.language);
  return (
    <div className="space-y-4 rounded-lg border border-rule bg-white p-4" data-testid="story-text-fields">
      <Field name="kicker" label={t('editor.kicker')} error={error('kicker')}>
        {(props) => <Input {...props} dir={dirOf(meta.kicker)} readOnly={readOnly} maxLength={120} placeholder={t('editor.kickerPlaceholder')} value={meta.kicker} onChange={(e) => onChange({ kicker: e.target.value })} />}
      </Field>
      <Field name="headline" label={t('editor.headline')} hint={t('editor.headlineCount', { count: headlineLength, max: HEADLINE_MAX })} error={error('headline')}>
        {(props) => (
          <Textarea
            {...props}
            dir={dirOf(meta.headline)}
            readOnly={readOnly}
            autoFocus={focusHeadline}
            rows={2}
            maxLength={HEADLINE_MAX}
            placeholder={t('editor.headlinePlaceholder')}
            className="min-h-[calc(2lh+1rem+2px)] field-sizing-content font-display text-2xl leading-loose font-bold"
            value={meta.headline}
            onChange={(e) => onChange({ headline: e.target.value })}
          />
        )}
      </Field>
      <Field name="subheadline" label={t('editor.subheadline')} hint={t('editor.subheadlineHint')} error={error('subheadline')}>
        {(props) => <Input {...props} dir={dirOf(meta.subheadline)} readOnly={readOnly} maxLength={HEADLINE_MAX} placeholder={t('editor.subheadlinePlaceholder')} value={meta.subheadline} onChange={(e) => onChange({ subheadline: e.target.value })} />}
      </Field>
      <Field name="standfirst" label={t('editor.standfirst')} error={error('standfirst')}>
        {(props) => <Textarea {...props} dir={dirOf(meta.standfirst)} readOnly={readOnly} maxLength={600} placeholder={t('editor.standfirstPlaceholder')} className="min-h-16 field-sizing-content" value={meta.standfirst} onChange={(e) => onChange({ standfirst: e.target.value })} />}
      </Field>
    </div>
  );
}
