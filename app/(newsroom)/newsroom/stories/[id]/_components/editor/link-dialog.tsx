'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { isSafeHref } from '@/lib/content/document';

/** Sets or removes the link on the selection; refuses schemes the server would refuse too. */
export function LinkDialog({ editor, open, onOpenChange }: { editor: Editor; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations('editor');
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setError(undefined);
    onOpenChange(false);
  };
  const apply = () => {
    const value = href.trim();
    if (!isSafeHref(value)) return setError(t('linkInvalid'));
    editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    close();
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setHref((editor.getAttributes('link').href as string | undefined) ?? '');
        if (!next) setError(undefined);
        onOpenChange(next);
      }}
      title={t('link')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
        className="space-y-4"
      >
        <Field name="link-href" label={t('linkUrl')} error={error}>
          {(props) => <Input {...props} dir="ltr" type="text" inputMode="url" autoFocus value={href} onChange={(event) => setHref(event.target.value)} placeholder="https://" />}
        </Field>
        <div className="flex justify-end gap-2">
          <Button
            variant="ghost"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              close();
            }}
          >
            {t('linkRemove')}
          </Button>
          <Button variant="secondary" onClick={close}>
            {t('linkCancel')}
          </Button>
          <Button type="submit">{t('linkApply')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
