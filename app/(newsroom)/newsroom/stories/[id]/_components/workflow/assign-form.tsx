'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { Select } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import type { Assignee } from '@/lib/desk/assign';
import { assignStoryAction } from '../../assign-actions';

type Props = { storyId: string; selfId: string; assigneeId: string | null; canTake: boolean; candidates: Assignee[] };

/** "I'll review this", and a choice of reviewer; both report through one live region. */
export function AssignForm({ storyId, selfId, assigneeId, canTake, candidates }: Props) {
  const t = useTranslations();
  const [state, dispatch, pending] = useActionState<FormState<{ assignee: Assignee | null }>, FormData>(assignStoryAction, {});
  const done = state.ok ? (state.data?.assignee ? t('desk.assignment.done', { name: state.data.assignee.name }) : t('desk.assignment.removed')) : null;
  return (
    <div className="space-y-3">
      {canTake && assigneeId !== selfId && (
        <form action={dispatch}>
          <input type="hidden" name="storyId" value={storyId} />
          <input type="hidden" name="assigneeId" value={selfId} />
          <Button type="submit" size="sm" disabled={pending}>
            {t('desk.assignment.take')}
          </Button>
        </form>
      )}
      <form action={dispatch} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="storyId" value={storyId} />
        <label className="min-w-0 flex-1 space-y-1">
          <span className="block text-sm font-bold">{t('desk.assignment.assignTo')}</span>
          {/* Keyed by the assignee, so a new assignment from the server shows as the selection. */}
          <Select key={assigneeId ?? 'none'} name="assigneeId" defaultValue={assigneeId ?? ''}>
            <option value="">{t('desk.assignment.nobodyOption')}</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {t('desk.assignment.assign')}
        </Button>
      </form>
      <FormStatus error={state.error ?? Object.values(state.fieldErrors ?? {})[0]} success={done} />
    </div>
  );
}
