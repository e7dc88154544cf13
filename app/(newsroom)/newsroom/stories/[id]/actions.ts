'use server';

import { updateTag } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { transition } from '@/lib/stories/transitions';

const transitionSchema = z.object({
  storyId: z.uuid({ error: 'errors.notFound' }),
  action: z.enum(['submit', 'withdraw', 'request_changes', 'approve', 'publish', 'take_down', 'retract', 'republish', 'archive', 'restore'], { error: 'errors.invalidChoice' }),
  reason: z.string().trim().max(2000, 'errors.tooLong').optional(),
  expectedVersion: z.coerce.number().int().min(1).optional(),
  override: z.enum(['true']).optional(),
});

/**
 * One workflow step. The DAL checks role, state and four-eyes on a locked row;
 * then every reader cache the step touched is expired at once, not served stale.
 */
export const transitionAction = formAction(transitionSchema, async (input, { user }) => {
  const outcome = await transition(user, input.storyId, { action: input.action, reason: input.reason, expectedVersion: input.expectedVersion, override: input.override === 'true' });
  if (outcome.ok) for (const tag of outcome.data.tags) updateTag(tag);
  return outcome;
});
