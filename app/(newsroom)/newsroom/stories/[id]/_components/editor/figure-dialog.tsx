'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { FIGURE_TEXT_LIMITS, type FigureAttrs } from '@/lib/content/figure';

/** Alt text, caption and credit of the selected figure, for this story only. */
export function FigureDialog({ editor, attrs, onClose }: { editor: Editor; attrs: FigureAttrs; onClose: () => void }) {
  const t = useTranslations('media.figure');
  const [values, setValues] = useState({ alt: attrs.alt, caption: attrs.caption, credit: attrs.credit });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value }));
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('edit')}>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          editor.chain().focus().updateAttributes('figure', { alt: values.alt.trim(), caption: values.caption.trim(), credit: values.credit.trim() }).run();
          onClose();
        }}
      >
        <Field name="figureAlt" label={t('alt')}>
          {(props) => <Textarea {...props} dir="auto" rows={2} maxLength={FIGURE_TEXT_LIMITS.alt} value={values.alt} onChange={set('alt')} />}
        </Field>
        <Field name="figureCaption" label={t('caption')}>
          {(props) => <Textarea {...props} dir="auto" rows={2} maxLength={FIGURE_TEXT_LIMITS.caption} value={values.caption} onChange={set('caption')} />}
        </Field>
        <Field name="figureCredit" label={t('credit')}>
          {(props) => <Input {...props} dir="auto" maxLength={FIGURE_TEXT_LIMITS.credit} value={values.credit} onChange={set('credit')} />}
        </Field>
        <Button type="submit">{t('apply')}</Button>
      </form>
    </Dialog>
  );
}
