'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toaster';

/** A secret shown once, right after it was made (an API key, a webhook's signing secret), with a copy button. */
export function ShownOnce({ value, label, hint, testId }: { value: string; label: string; hint: string; testId: string }) {
  const t = useTranslations('shownOnce');
  const toast = useToast();
  return (
    <div className="space-y-2 rounded-md border border-green-700 bg-green-50 p-4">
      <p className="font-bold">{label}</p>
      <div className="flex gap-2">
        <input readOnly value={value} dir="ltr" aria-label={label} className="h-10 flex-1 rounded-md border border-rule bg-white px-3 font-mono text-sm" data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => {});
            toast(t('copied'));
          }}
        >
          {t('copy')}
        </Button>
      </div>
      <p className="text-sm text-muted">{hint}</p>
    </div>
  );
}
