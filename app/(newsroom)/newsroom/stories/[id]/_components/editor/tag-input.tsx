'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Input } from '@/components/ui/input';

/** Tags as removable chips; Enter or the Arabic or Latin comma adds one. New tags are created on save. */
export function TagInput({ value, onChange, disabled, error }: { value: string[]; onChange: (tags: string[]) => void; disabled: boolean; error?: string }) {
  const t = useTranslations('editor');
  const [draft, setDraft] = useState('');
  const commit = (text: string) => {
    const tag = text.replace(/[،,]+$/, '').trim();
    if (tag && !value.some((existing) => existing.toLowerCase() === tag.toLowerCase())) onChange([...value, tag]);
    setDraft('');
  };
  return (
    <div className="space-y-2">
      <label htmlFor="field-tags" className="block font-bold">
        {t('tags')}
      </label>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label={t('tags')}>
          {value.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full border border-rule bg-paper ps-3 pe-1 py-0.5 text-sm" dir="auto">
              {tag}
              {!disabled && (
                <button type="button" onClick={() => onChange(value.filter((existing) => existing !== tag))} aria-label={t('removeTag', { tag })} className="rounded-full p-0.5 hover:bg-black/10">
                  <X aria-hidden className="size-3.5" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <Input
          id="field-tags"
          dir="auto"
          value={draft}
          aria-describedby="field-tags-hint"
          aria-invalid={!!error}
          onChange={(event) => (/[،,]$/.test(event.target.value) ? commit(event.target.value) : setDraft(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit(draft);
            }
          }}
          onBlur={() => commit(draft)}
        />
      )}
      <p id="field-tags-hint" className="text-sm text-muted">
        {t('tagsHint')}
      </p>
      {error && <p className="text-sm font-bold text-accent-ink">{error}</p>}
    </div>
  );
}
