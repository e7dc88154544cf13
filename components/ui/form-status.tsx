'use client';

import { useTranslations } from 'next-intl';

/**
 * The live region every form reports through: an error (a catalogue key) or
 * a success message, announced in the UI language.
 */
export function FormStatus({ error, success }: { error?: string; success?: string | null }) {
  const t = useTranslations();
  return (
    <div aria-live="polite" role="status" className="min-h-6">
      {error && <p className="rounded-md border border-accent bg-red-50 px-3 py-2 font-bold text-accent-ink">{t(error)}</p>}
      {!error && success && <p className="rounded-md border border-green-700 bg-green-50 px-3 py-2 font-bold text-green-900">{success}</p>}
    </div>
  );
}
