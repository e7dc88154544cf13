'use server';

import { formAction } from '@/lib/actions';
import { resumeImport, startImport } from '@/lib/imports/imports';
import { importIdSchema, startImportSchema } from '@/lib/imports/schemas';

// The DAL checks that the session's user may import, that the run is still a
// plan, queues it for the job runner and audits the start.
export const startImportAction = formAction(startImportSchema, (input, { user, ip }) => startImport(user, input, { ip }));

// The DAL checks that the user may import and that the run stopped (failed or
// interrupted), queues it again and audits the resume.
export const resumeImportAction = formAction(importIdSchema, (input, { user, ip }) => resumeImport(user, input, { ip }));
