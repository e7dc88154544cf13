'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { blockersOf, type ChecklistResult, type ChecklistStep } from '@/lib/checklist/evaluate';
import { boundsOf, CHECKLIST_ITEMS, type ChecklistItem } from '@/lib/checklist/rules';

type Translate = ReturnType<typeof useTranslations>;

const isItem = (value: string): value is ChecklistItem => (CHECKLIST_ITEMS as readonly string[]).includes(value);

/**
 * One sentence that names every item, «لا يمكن النشر: القصة بلا قسم.»: the
 * step's refusal followed by each item's message. The messages need only the
 * item's bounds, so this works for the DAL's refusal as well as the page's check.
 */
export function checklistSentence(t: Translate, error: string, items: Record<string, string>): string {
  const named = Object.entries(items).map(([item, key]) => t(key, isItem(item) ? boundsOf(item) : {}));
  return [t(error), ...named].join(' ');
}

/** A refusal from the DAL's checklist (blockers, or warnings not acknowledged), when the submitted step came back with one. */
export const isChecklistRefusal = (error: string | undefined): error is string => !!error?.startsWith('errors.checklist.');

const TONE = { pass: 'good', warning: 'warn', blocker: 'bad' } as const;

/** The checklist as the confirm step shows it: each item with its verdict and message, then what stops the step. */
export function ChecklistResults({ results, step, checking }: { results: ChecklistResult[]; step: ChecklistStep; checking: boolean }) {
  const t = useTranslations();
  const blockers = blockersOf(results);
  return (
    <div className="space-y-2" data-testid="checklist" aria-busy={checking}>
      <h3 className="font-bold">{t('checklist.title')}</h3>
      {checking && (
        <p role="status" className="text-sm text-muted">
          {t('checklist.checking')}
        </p>
      )}
      {results.length === 0 ? (
        <p className="text-sm text-muted">{t('checklist.empty')}</p>
      ) : (
        <ul className="space-y-1.5 text-sm">
          {results.map((result) => {
            const verdict = result.passed ? 'pass' : result.severity;
            return (
              <li key={result.item} className="flex items-start gap-2" data-verdict={verdict}>
                <Badge tone={TONE[verdict]} className="mt-0.5 shrink-0">
                  {t(`checklist.status.${verdict}`)}
                </Badge>
                <span>
                  {t(result.message, boundsOf(result.item))}
                  {result.detail && !result.passed && <span className="text-muted"> {t(result.detail.key, result.detail.values)}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {blockers.length > 0 && (
        <p id="checklist-blocked" className="rounded-md border border-accent bg-red-50 px-3 py-2 text-sm font-bold text-accent-ink">
          {checklistSentence(t, `errors.checklist.blocked.${step}`, Object.fromEntries(blockers.map((r) => [r.item, r.message])))}
        </p>
      )}
    </div>
  );
}
