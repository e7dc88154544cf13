'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { visibleLength } from '@/lib/checklist/rules';
import type { ContentLanguage } from '@/lib/content/direction';
import { FieldEditor } from './collab/field-editor';
import type { Collab } from './collab/use-collab';

export const HEADLINE_MAX = 250;

type Props = {
  collab: Collab;
  /** The headline as the shared document has it now. */
  headline: string;
  language: ContentLanguage;
  editable: boolean;
  errors: Record<string, string>;
  onHeadlineTyped: (headline: string) => void;
};

/**
 * Kicker, headline, subheadline and standfirst, above the body as in every
 * newsroom editor, each with a placeholder that says what goes there, each a
 * one-line editor of the shared document. A story without a headline (a new
 * one) opens with the cursor in the headline. Each field reads in the
 * direction of its dominant script, as body blocks do.
 */
export function StoryTextFields({ collab, headline, language, editable, errors, onHeadlineTyped }: Props) {
  const t = useTranslations();
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  // Decided once, when the editor opens: typing the first letter must not move the focus.
  const [focusHeadline] = useState(() => headline.trim() === '');
  const common = { collab, language, editable };
  return (
    <div className="space-y-4 rounded-lg border border-rule bg-white p-4" data-testid="story-text-fields">
      <Field name="kicker" label={t('editor.kicker')} error={error('kicker')}>
        {(control) => <FieldEditor {...common} field="kicker" control={control} label={t('editor.kicker')} maxLength={120} placeholder={t('editor.kickerPlaceholder')} />}
      </Field>
      {/* Counted as the pre-publish checklist counts it (tashkeel not counted), so the two never disagree. */}
      <Field name="headline" label={t('editor.headline')} hint={t('editor.headlineCount', { count: visibleLength(headline), max: HEADLINE_MAX })} error={error('headline')}>
        {(control) => (
          <FieldEditor
            {...common}
            field="headline"
            control={control}
            label={t('editor.headline')}
            maxLength={HEADLINE_MAX}
            placeholder={t('editor.headlinePlaceholder')}
            autoFocus={focusHeadline}
            className="min-h-[calc(2lh+1rem+2px)] font-display text-2xl leading-loose font-bold"
            onTyped={onHeadlineTyped}
          />
        )}
      </Field>
      <Field name="subheadline" label={t('editor.subheadline')} hint={t('editor.subheadlineHint')} error={error('subheadline')}>
        {(control) => <FieldEditor {...common} field="subheadline" control={control} label={t('editor.subheadline')} maxLength={HEADLINE_MAX} placeholder={t('editor.subheadlinePlaceholder')} />}
      </Field>
      <Field name="standfirst" label={t('editor.standfirst')} error={error('standfirst')}>
        {(control) => <FieldEditor {...common} field="standfirst" control={control} label={t('editor.standfirst')} maxLength={600} placeholder={t('editor.standfirstPlaceholder')} className="min-h-16" />}
      </Field>
    </div>
  );
}
