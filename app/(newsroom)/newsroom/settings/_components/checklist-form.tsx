'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/actions';
import { ALLOWED_SEVERITIES, boundsOf, CHECKLIST_ITEMS, isConfigurable, type ChecklistItem, type ChecklistPolicy } from '@/lib/checklist/rules';
import { saveChecklistAction } from '../actions';

/** One row per checklist item: a radio group for what the admin may set, a plain line for the section. */
export function ChecklistForm({ policy }: { policy: ChecklistPolicy }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(saveChecklistAction, {});
  // After an error the form shows what was sent; otherwise what is saved.
  const current = (item: ChecklistItem) => state.values?.[item] ?? policy[item];
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus error={state.error} success={state.ok ? t('settings.checklist.saved') : null} />
      <ul className="divide-y divide-rule rounded-md border border-rule">
        {CHECKLIST_ITEMS.map((item) => {
          const hintId = `checklist-${item}-hint`;
          const labelId = `checklist-${item}-label`;
          const errorKey = state.fieldErrors?.[item];
          const hint = (
            <p id={hintId} className="text-sm text-muted">
              {t(`checklist.items.${item}.hint`, boundsOf(item))}
            </p>
          );
          if (!isConfigurable(item)) {
            return (
              <li key={item} className="grid gap-2 p-4 sm:grid-cols-[1fr_auto] sm:items-center" data-testid={`checklist-rule-${item}`}>
                <div>
                  <p className="font-bold">{t(`checklist.items.${item}.label`)}</p>
                  {hint}
                </div>
                <p className="text-sm font-bold text-accent-ink">{t('settings.checklist.alwaysBlocker')}</p>
              </li>
            );
          }
          return (
            <li key={item} className="grid gap-2 p-4 sm:grid-cols-[1fr_auto] sm:items-center">
              <div>
                <p id={labelId} className="font-bold">
                  {t(`checklist.items.${item}.label`)}
                </p>
                {hint}
                {errorKey && (
                  <p id={`checklist-${item}-error`} className="text-sm font-bold text-accent-ink">
                    {t(errorKey)}
                  </p>
                )}
              </div>
              {/* A radio group rather than a fieldset: a legend must come first in its fieldset, which this layout cannot keep. */}
              <div role="radiogroup" aria-labelledby={labelId} aria-describedby={errorKey ? `${hintId} checklist-${item}-error` : hintId} className="flex flex-wrap gap-x-4 gap-y-1" data-testid={`checklist-rule-${item}`}>
                {ALLOWED_SEVERITIES[item].map((severity) => (
                  <label key={severity} className="inline-flex items-center gap-1.5">
                    <input type="radio" name={item} value={severity} defaultChecked={current(item) === severity} className="size-4 accent-accent" />
                    {t(`settings.checklist.severities.${severity}`)}
                  </label>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      <Button type="submit" disabled={pending}>
        {pending ? t('settings.checklist.saving') : t('settings.checklist.save')}
      </Button>
    </form>
  );
}
