'use server';

import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { failure, success } from '@/lib/dal';
import { restoreRevision } from '@/lib/stories/restore';
import { restoreSchema } from '@/lib/stories/schemas';

const restoreFormSchema = restoreSchema.extend({ storyId: z.uuid() });

/**
 * Restores a revision as a new change to the shared text that everyone
 * connected sees, and answers with the editor's address, which the form loads
 * (`usePageLoad`). A story or revision this user may not see is not found.
 */
export const restoreRevisionAction = formAction(
  restoreFormSchema,
  async ({ storyId, revisionId }, { user }) =>
    (await restoreRevision(user, storyId, { revisionId })) ? success(`/newsroom/stories/${storyId}?restored=1`) : failure('errors.notFound'),
  { refresh: false },
);
