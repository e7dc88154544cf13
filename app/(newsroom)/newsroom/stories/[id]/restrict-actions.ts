'use server';

import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { setRestricted } from '@/lib/stories/restriction';

// Marking a story restricted, or lifting it. Who may, and on which desk, is the DAL's to decide.

const restrictSchema = z.object({
  storyId: z.uuid({ error: 'errors.notFound' }),
  restricted: z.enum(['true', 'false'], { error: 'errors.invalidChoice' }),
});

export const setRestrictedAction = formAction(restrictSchema, (input, { user }) => setRestricted(user, input.storyId, input.restricted === 'true'));
