'use client';

import { useNow, useTimeZone, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { Input, Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toaster';
import type { FormState } from '@/lib/actions';
import type { TransitionResult, WorkflowOption } from '@/lib/stories/transitions';
import { utcToZonedLocal } from '@/lib/time-zone';
import { transitionAction } from '../actions';

// Actions that act on the saved working copy wait until it is saved.
const CONTENT_ACTIONS = new Set(['submit', 'approve', 'publish']);

/**
 * The workflow steps this person may take now, as the DAL computed them. A
 * step is chosen, then confirmed (with its reason where one is required), so
 * a stray click never publishes or takes down a story.
 */
export function WorkflowPanel({ storyId, options, getVersion, unsaved, isLive }: { storyId: string; options: WorkflowOption[]; getVersion: () => number; unsaved: boolean; isLive: boolean }) {
  const t = useTranslations();
  const toast = useToast();
  const [chosen, setChosen] = useState<WorkflowOption | null>(null);
  const [submitted, setSubmitted] = useState<string>('');
  const [state, dispatch, pending] = useActionState<FormState<TransitionResult>, FormData>(transitionAction, {});
  const timeZone = useTimeZone() ?? 'UTC';
  const now = useNow();
  const label = (option: WorkflowOption) => t(`workflow.actions.${option.override ? 'approve_override' : option.action}`);
  // Toast once per new result, not again when something else re-renders the panel.
  const lastState = useRef(state);
  useEffect(() => {
    if (state !== lastState.current && state.ok) toast(t('workflow.done', { action: submitted }));
    lastState.current = state;
  }, [state, submitted, t, toast]);

  return (
    <section aria-labelledby="workflow-heading" className="space-y-3 rounded-lg border border-rule bg-white p-4" data-testid="workflow-panel">
      <h2 id="workflow-heading" className="font-display text-lg font-bold">
        {t('workflow.title')}
      </h2>
      <FormStatus error={state.error} />
      {state.fieldErrors && (
        <ul className="list-disc ps-5 text-sm text-accent-ink">
          {Object.entries(state.fieldErrors).map(([field, key]) => (
            <li key={field}>
              {t(`editor.${field === 'sectionId' ? 'section' : field === 'body' ? 'body' : field}`)}: {t(key)}
            </li>
          ))}
        </ul>
      )}
      {options.length === 0 ? (
        <p className="text-sm text-muted">{t('workflow.none')}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {options.map((option) => (
            <Button
              key={`${option.action}-${option.override}`}
              variant={option.action === 'take_down' || option.action === 'retract' ? 'danger' : 'secondary'}
              size="sm"
              aria-pressed={chosen === option}
              disabled={pending || (unsaved && CONTENT_ACTIONS.has(option.action))}
              onClick={() => setChosen(option)}
            >
              {label(option)}
            </Button>
          ))}
        </div>
      )}
      {unsaved && options.some((option) => CONTENT_ACTIONS.has(option.action)) && <p className="text-sm text-muted">{t('workflow.saveFirst')}</p>}
      {chosen && (
        <form
          action={(formData) => {
            formData.set('expectedVersion', String(getVersion()));
            setSubmitted(label(chosen));
            dispatch(formData);
            setChosen(null);
          }}
          className="space-y-2 rounded-md border border-rule bg-paper p-3"
        >
          <input type="hidden" name="storyId" value={storyId} />
          <input type="hidden" name="action" value={chosen.action} />
          {chosen.override && <input type="hidden" name="override" value="true" />}
          {chosen.action === 'schedule' && (
            <label className="block space-y-1">
              <span className="block font-bold">{t('workflow.scheduleAt', { zone: timeZone })}</span>
              <Input type="datetime-local" name="scheduleAt" step={1} required defaultValue={utcToZonedLocal(new Date(now.getTime() + 3_600_000), timeZone)} />
            </label>
          )}
          {chosen.action === 'publish' && isLive && (
            <fieldset className="space-y-2">
              <legend className="font-bold">{t('workflow.noteKind')}</legend>
              <select name="noteKind" aria-label={t('workflow.noteKind')} className="h-9 rounded-md border border-rule bg-white px-2" defaultValue="correction">
                <option value="correction">{t('workflow.noteKinds.correction')}</option>
                <option value="update">{t('workflow.noteKinds.update')}</option>
              </select>
              <Textarea name="noteBody" dir="auto" maxLength={2000} aria-label={t('workflow.noteBody')} placeholder={t('workflow.noteBody')} />
            </fieldset>
          )}
          {chosen.needsReason && (
            <label className="block space-y-1">
              <span className="block font-bold">{t('workflow.reason')}</span>
              <Textarea name="reason" required dir="auto" maxLength={2000} aria-describedby="workflow-reason-hint" />
              <span id="workflow-reason-hint" className="block text-sm text-muted">
                {t(`workflow.reasonHint.${chosen.override ? 'approve' : chosen.action}`)}
              </span>
            </label>
          )}
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant={chosen.action === 'take_down' || chosen.action === 'retract' ? 'danger' : 'primary'} disabled={pending}>
              {t('workflow.confirm')}: {label(chosen)}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setChosen(null)}>
              {t('workflow.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
