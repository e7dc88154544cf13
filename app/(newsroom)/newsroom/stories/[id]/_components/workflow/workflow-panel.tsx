'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { useToast } from '@/components/ui/toaster';
import type { FormState } from '@/lib/actions';
import { blockersOf, warningsOf, type ChecklistStep } from '@/lib/checklist/evaluate';
import type { TransitionResult, WorkflowOption } from '@/lib/stories/transitions';
import { transitionAction } from '../../actions';
import { checklistSentence, ChecklistResults, isChecklistRefusal } from './checklist-results';
import { ScheduleField } from './schedule-field';
import { DominantTextarea } from '@/components/ui/dominant-input';

// Actions that act on the saved working copy wait until it is saved.
const CONTENT_ACTIONS = new Set(['submit', 'approve', 'publish']);
const CHECKLIST_STEPS = new Set<string>(['approve', 'publish', 'schedule'] satisfies ChecklistStep[]);
// A submission refused for missing fields: the fields are listed here and marked in the editor.
const INCOMPLETE = 'errors.workflow.incomplete';
const keyOf = (option: WorkflowOption) => `${option.action}-${option.override}`;

/**
 * The workflow steps this person may take now, as the DAL computed them. A
 * step is chosen, then confirmed (with its reason where one is required), so
 * a stray click never publishes or takes down a story. Approve, publish and
 * schedule show the pre-publish checklist first: blockers disable the
 * confirmation, warnings must be acknowledged. The DAL checks again on submit.
 */
export function WorkflowPanel({
  storyId,
  options,
  getVersion,
  unsaved,
  isLive,
  onMissing,
}: {
  storyId: string;
  options: WorkflowOption[];
  getVersion: () => number;
  unsaved: boolean;
  isLive: boolean;
  /** A refused submission's missing fields, for the editor to mark and focus. */
  onMissing?: (fieldErrors: Record<string, string>) => void;
}) {
  const t = useTranslations();
  const toast = useToast();
  const router = useRouter();
  // By key, not by object: a refresh brings new option objects (with a fresh checklist).
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const chosen = options.find((option) => keyOf(option) === chosenKey) ?? null;
  const [acknowledged, setAcknowledged] = useState(false);
  const [checking, startChecking] = useTransition();
  // A refusal stays until the next step is opened, whose fresh checklist then says the same and more.
  const [dismissed, setDismissed] = useState<FormState<TransitionResult> | null>(null);
  const [submitted, setSubmitted] = useState<string>('');
  const [state, dispatch, pending] = useActionState<FormState<TransitionResult>, FormData>(transitionAction, {});
  const label = (option: WorkflowOption) => t(`workflow.actions.${option.override ? 'approve_override' : option.action}`);
  // Toast once per new result, not again when something else re-renders the panel.
  const lastState = useRef(state);
  useEffect(() => {
    if (state !== lastState.current && state.ok) toast(t('workflow.done', { action: submitted }));
    if (state !== lastState.current && state.fieldErrors && state.error === INCOMPLETE) onMissing?.(state.fieldErrors);
    lastState.current = state;
  }, [state, submitted, t, toast, onMissing]);

  const choose = (option: WorkflowOption | null) => {
    setChosenKey(option && keyOf(option));
    setAcknowledged(false);
    if (option) setDismissed(state);
    // The checklist came with the page; saves since then (tags, a standfirst) or a resolved
    // comment may have changed it, so fetch it afresh before anyone confirms.
    if (option && CHECKLIST_STEPS.has(option.action)) startChecking(() => router.refresh());
  };
  const step = chosen && CHECKLIST_STEPS.has(chosen.action) ? (chosen.action as ChecklistStep) : null;
  const checklist = step ? (chosen?.checklist ?? []) : [];
  const blocked = blockersOf(checklist).length > 0;
  const needsAcknowledgement = !blocked && warningsOf(checklist).length > 0;
  const refusedByChecklist = isChecklistRefusal(state.error) && state !== dismissed;

  return (
    <section aria-labelledby="workflow-heading" className="space-y-3 rounded-lg border border-rule bg-white p-4" data-testid="workflow-panel">
      <h2 id="workflow-heading" className="font-display text-lg font-bold">
        {t('workflow.title')}
      </h2>
      <FormStatus error={isChecklistRefusal(state.error) ? undefined : state.error} />
      {/* The DAL's own refusal, naming each item: the page's checklist may have been out of date. */}
      {refusedByChecklist && (
        <p role="alert" className="rounded-md border border-accent bg-red-50 px-3 py-2 font-bold text-accent-ink" data-testid="checklist-refusal">
          {checklistSentence(t, state.error as string, state.fieldErrors ?? {})}
        </p>
      )}
      {state.fieldErrors && state.error === INCOMPLETE && (
        <ul className="list-disc ps-5 text-sm font-bold text-accent-ink" data-testid="missing-fields">
          {Object.keys(state.fieldErrors).map((field) => (
            <li key={field}>{t(`editor.${field === 'sectionId' ? 'section' : field}`)}</li>
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
              aria-pressed={chosenKey === keyOf(option)}
              disabled={pending || (unsaved && CONTENT_ACTIONS.has(option.action))}
              onClick={() => choose(option)}
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
            choose(null);
          }}
          className="space-y-2 rounded-md border border-rule bg-paper p-3"
        >
          {step && <ChecklistResults results={checklist} step={step} checking={checking} />}
          <input type="hidden" name="storyId" value={storyId} />
          <input type="hidden" name="action" value={chosen.action} />
          {chosen.override && <input type="hidden" name="override" value="true" />}
          {chosen.action === 'schedule' && <ScheduleField />}
          {chosen.action === 'publish' && isLive && (
            <fieldset className="space-y-2">
              <legend className="font-bold">{t('workflow.noteKind')}</legend>
              <select name="noteKind" aria-label={t('workflow.noteKind')} className="h-9 rounded-md border border-rule bg-white px-2" defaultValue="correction">
                <option value="correction">{t('workflow.noteKinds.correction')}</option>
                <option value="update">{t('workflow.noteKinds.update')}</option>
              </select>
              <DominantTextarea name="noteBody" maxLength={2000} aria-label={t('workflow.noteBody')} placeholder={t('workflow.noteBody')} />
            </fieldset>
          )}
          {chosen.needsReason && (
            <label className="block space-y-1">
              <span className="block font-bold">{t('workflow.reason')}</span>
              <DominantTextarea name="reason" required maxLength={2000} aria-describedby="workflow-reason-hint" />
              <span id="workflow-reason-hint" className="block text-sm text-muted">
                {t(`workflow.reasonHint.${chosen.override ? 'approve' : chosen.action}`)}
              </span>
            </label>
          )}
          {needsAcknowledgement && (
            <label className="flex items-center gap-2 font-bold">
              <input type="checkbox" name="acknowledge" value="true" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} className="size-4 accent-accent" />
              {t('checklist.acknowledge')}
            </label>
          )}
          <div className="flex gap-2">
            <Button
              type="submit"
              size="sm"
              variant={chosen.action === 'take_down' || chosen.action === 'retract' ? 'danger' : 'primary'}
              disabled={pending || checking || blocked || (needsAcknowledgement && !acknowledged)}
              aria-describedby={blocked ? 'checklist-blocked' : undefined}
            >
              {t('workflow.confirm')}: {label(chosen)}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => choose(null)}>
              {t('workflow.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
