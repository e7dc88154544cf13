'use client';

import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Select } from '@/components/ui/input';

type Option = { id: string; name: string };

/** Ordered bylines: add from the author profiles, move up or down, remove. */
export function BylinePicker({ value, options, onChange, disabled, error }: { value: Option[]; options: Option[]; onChange: (bylines: Option[]) => void; disabled: boolean; error?: string }) {
  const t = useTranslations('editor');
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item as Option);
    onChange(next);
  };
  const available = options.filter((option) => !value.some((byline) => byline.id === option.id));
  return (
    <fieldset className="space-y-2">
      <legend className="font-bold">{t('bylines')}</legend>
      {value.length === 0 ? (
        <p className="text-sm text-muted">{t('noBylines')}</p>
      ) : (
        <ol className="space-y-1">
          {value.map((byline, index) => (
            <li key={byline.id} className="flex items-center gap-1 rounded-md border border-rule bg-paper px-2 py-1">
              <span className="flex-1">{byline.name}</span>
              {!disabled && (
                <>
                  <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('moveUp', { name: byline.name })} className="rounded p-1 hover:bg-black/10 disabled:opacity-30">
                    <ArrowUp aria-hidden className="size-4" />
                  </button>
                  <button type="button" disabled={index === value.length - 1} onClick={() => move(index, 1)} aria-label={t('moveDown', { name: byline.name })} className="rounded p-1 hover:bg-black/10 disabled:opacity-30">
                    <ArrowDown aria-hidden className="size-4" />
                  </button>
                  <button type="button" onClick={() => onChange(value.filter((b) => b.id !== byline.id))} aria-label={t('removeByline', { name: byline.name })} className="rounded p-1 hover:bg-black/10">
                    <X aria-hidden className="size-4" />
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {!disabled && available.length > 0 && (
        <Select
          aria-label={t('addByline')}
          value=""
          onChange={(event) => {
            const option = options.find((o) => o.id === event.target.value);
            if (option) onChange([...value, option]);
          }}
        >
          <option value="">{t('addByline')}</option>
          {available.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </Select>
      )}
      {error && <p className="text-sm font-bold text-accent-ink">{error}</p>}
    </fieldset>
  );
}
