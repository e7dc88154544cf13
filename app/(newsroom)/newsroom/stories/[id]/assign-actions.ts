'use server';

import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { assignStory } from '@/lib/desk/assign';

// Assigning a story in review to a reviewer, or taking it ("I'll review this"
// sends one's own id). Who may assign, and to whom, is the DAL's to decide.

const assignSchema = z.object({
  storyId: z.uuid({ error: 'errors.notFound' }),
  // Empty: take the assignment off.
  assigneeId: z.union([z.uuid({ error: 'errors.invalidChoice' }), z.literal('')]),
});

export const assignStoryAction = formAction(assignSchema, (input, { user }) => assignStory(user, input.storyId, input.assigneeId || null));
