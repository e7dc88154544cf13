'use client';

import { useTranslations } from 'next-intl';

export type Notice = { key: string; values?: Record<string, number> };

/** The metadata save's errors and the editor's notices, announced as they appear. */
export function EditorNotices({ error, notice }: { error: string | null; notice: Notice | null }) {
  const t = useTranslations();
  return (
    <div aria-live="assertive" role="alert" className="space-y-2 empty:hidden">
      {error && <p className="rounded-md border border-accent bg-red-50 px-3 py-2 font-bold text-accent-ink">{t(error)}</p>}
      {notice && <p className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2">{t(notice.key, notice.values)}</p>}
    </div>
  );
}
