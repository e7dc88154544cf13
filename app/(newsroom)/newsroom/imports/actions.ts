'use server';

import { formAction } from '@/lib/actions';
import { startImport } from '@/lib/imports/imports';
import { importIdSchema } from '@/lib/imports/schemas';

// The DAL checks that the session's user may import, that the run is still a
// plan, queues it for the job runner and audits the start.
export const startImportAction = formAction(importIdSchema, (input, { user, ip }) => startImport(user, input, { ip }));
