'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { dominantDirection } from '@/lib/content/direction';
import { slugify } from '@/lib/slug';
import { BylinePicker } from './byline-picker';
import { LeadImageField } from './lead-image-field';
import { TagInput } from './tag-input';
import { FieldEditor } from './collab/field-editor';
import type { Collab } from './collab/use-collab';
import type { StoryMeta } from './use-story-meta';

type Option = { id: string; name: string };

/** Section, lead image, tags, bylines, slug, SEO and language, beside the text (the text fields sit above it). The SEO title and description are text of the shared document, as the fields above are. Every text field reads in the direction of its dominant script, as body blocks do. */
export function MetadataPanel({
  collab,
  headline,
  standfirst,
  meta,
  onChange,
  readOnly,
  errors,
  suggestedSlug,
  sections,
  authors,
  liveSlug,
  canChangeLiveSlug,
}: {
  collab: Collab;
  /** The headline and standfirst as the shared document has them: the SEO fields fall back to them. */
  headline: string;
  standfirst: string;
  meta: StoryMeta;
  onChange: (patch: Partial<StoryMeta>) => void;
  readOnly: boolean;
  errors: Record<string, string>;
  /** A free slug the server offered for a taken one. */
  suggestedSlug?: string | null;
  sections: Option[];
  authors: Option[];
  liveSlug: string | null;
  canChangeLiveSlug: boolean;
}) {
  const t = useTranslations();
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const slugOffer = errors.slug === 'errors.slugTaken' && suggestedSlug && suggestedSlug !== meta.slug ? suggestedSlug : null;
  const slugMovesLiveStory = liveSlug !== null && meta.slug !== liveSlug;
  // An empty field (or one showing its placeholder) takes the direction of what it shows.
  const dirOf = (value: string) => dominantDirection(value, meta.language);
  return (
    <div className="space-y-5">
      <Field name="sectionId" label={t('editor.section')} error={error('sectionId')}>
        {(props) => (
          <Select {...props} disabled={readOnly} value={meta.sectionId ?? ''} onChange={(e) => onChange({ sectionId: e.target.value || null })}>
            <option value="">{t('editor.noSection')}</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <LeadImageField value={meta.leadImage} onChange={(leadImage) => onChange({ leadImage })} readOnly={readOnly} error={error('leadImage')} />
      <TagInput value={meta.tags} onChange={(tags) => onChange({ tags })} disabled={readOnly} error={error('tags')} />
      <BylinePicker value={meta.bylines} options={authors} onChange={(bylines) => onChange({ bylines })} disabled={readOnly} error={error('bylines')} />
      <Field name="slug" label={t('editor.slug')} hint={slugMovesLiveStory ? t('editor.slugLive', { slug: liveSlug }) : t('editor.slugHint')} error={slugOffer ? t('errors.slugTakenOffer', { slug: slugOffer }) : error('slug')}>
        {(props) => (
          <div className="flex gap-2">
            <Input {...props} dir={dirOf(meta.slug)} readOnly={readOnly || (liveSlug !== null && !canChangeLiveSlug)} value={meta.slug} onChange={(e) => onChange({ slug: e.target.value })} onBlur={() => onChange({ slug: slugify(meta.slug) })} />
            {!readOnly && liveSlug === null && (
              <Button variant="secondary" size="sm" className="h-10 shrink-0" onClick={() => onChange({ slug: slugify(headline) })}>
                {t('editor.slugFromHeadline')}
              </Button>
            )}
          </div>
        )}
      </Field>
      {slugOffer && !readOnly && (
        <Button variant="secondary" size="sm" data-testid="use-suggested-slug" onClick={() => onChange({ slug: slugOffer })}>
          {t('editor.useSlug', { slug: slugOffer })}
        </Button>
      )}
      {slugMovesLiveStory && canChangeLiveSlug && !readOnly && (
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1.5 size-4 accent-accent" checked={meta.confirmSlugChange} onChange={(e) => onChange({ confirmSlugChange: e.target.checked })} />
          <span>{t('editor.confirmSlug')}</span>
        </label>
      )}
      <Field name="seoTitle" label={t('editor.seoTitle')} hint={t('editor.seoTitleHint')} error={error('seoTitle')}>
        {(control) => <FieldEditor collab={collab} field="seoTitle" control={control} label={t('editor.seoTitle')} language={meta.language} editable={!readOnly} maxLength={120} placeholder={headline} emptyDirectionText={headline} />}
      </Field>
      <Field name="seoDescription" label={t('editor.seoDescription')} hint={t('editor.seoDescriptionHint')} error={error('seoDescription')}>
        {(control) => <FieldEditor collab={collab} field="seoDescription" control={control} label={t('editor.seoDescription')} language={meta.language} editable={!readOnly} maxLength={300} placeholder={standfirst} emptyDirectionText={standfirst} className="min-h-16" />}
      </Field>
      <Field name="language" label={t('editor.language')} error={error('language')}>
        {(props) => (
          <Select {...props} disabled={readOnly} value={meta.language} onChange={(e) => onChange({ language: e.target.value === 'en' ? 'en' : 'ar' })}>
            <option value="ar">{t('editor.languageAr')}</option>
            <option value="en">{t('editor.languageEn')}</option>
          </Select>
        )}
      </Field>
    </div>
  );
}
