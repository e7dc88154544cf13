'use server';

import { expireReaderTags } from '@/lib/reader/expire';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { NOTE_KINDS } from '@/lib/enums';
import { failure } from '@/lib/dal';
import { getSiteSettings } from '@/lib/reader/queries';
import { refuseControlChars } from '@/lib/text/control-chars';
import { scheduleStory, transition, unscheduleStory } from '@/lib/stories/transitions';
import { WORKFLOW_ACTIONS } from '@/lib/stories/workflow';
import { zonedLocalToUtc } from '@/lib/time-zone';

const transitionSchema = z.object({
  storyId: z.uuid({ error: 'errors.notFound' }),
  action: z.enum(WORKFLOW_ACTIONS, { error: 'errors.invalidChoice' }),
  /** schedule: a wall-clock time in the newsroom's time zone, from a datetime-local input. */
  scheduleAt: z.string().max(20).optional(),
  /** publish of an update: an optional dated public note. */
  noteKind: z.enum(NOTE_KINDS).optional(),
  noteBody: refuseControlChars(z.string().trim().max(2000, 'errors.tooLong').optional()),
  reason: refuseControlChars(z.string().trim().max(2000, 'errors.tooLong').optional()),
  expectedVersion: z.coerce.number().int().min(1).optional(),
  override: z.enum(['true']).optional(),
  /** approve, publish, schedule: "I have read the checklist's warnings". */
  acknowledge: z.enum(['true']).optional(),
});

/**
 * One workflow step. The DAL checks role, state, four-eyes and the pre-publish checklist on a locked row;
 * then every reader cache the step touched is expired at once, not served stale.
 */
export const transitionAction = formAction(transitionSchema, async (input, { user }) => {
  const { action } = input;
  if (action === 'schedule') {
    const at = zonedLocalToUtc(input.scheduleAt ?? '', (await getSiteSettings()).timeZone);
    return at ? scheduleStory(user, input.storyId, at, { acknowledge: input.acknowledge === 'true' }) : failure('errors.workflow.pastTime', { scheduleAt: 'errors.invalid' });
  }
  if (action === 'unschedule') return unscheduleStory(user, input.storyId);
  const note = input.noteBody ? { kind: input.noteKind ?? 'correction', body: input.noteBody } : null;
  const outcome = await transition(user, input.storyId, { action, reason: input.reason, expectedVersion: input.expectedVersion, override: input.override === 'true', note, acknowledge: input.acknowledge === 'true' });
  if (outcome.ok) await expireReaderTags(outcome.data.tags);
  return outcome;
});
