import { z } from 'zod';
import { IMPORT_SOURCES } from '@/lib/enums';
import { parseTargetUrl } from '@/lib/webhooks/target-url';

// Inputs of the import's entry points. Client-safe: the upload form reads the limits here too.

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('1'), z.literal(''), z.literal('false')])
  .optional()
  .transform((value) => value === 'on' || value === 'true' || value === '1');

/** The upload's query string: which exporter made the file, and what the admin chose. */
export const uploadQuerySchema = z.object({
  source: z.enum(IMPORT_SOURCES, { error: 'errors.invalidChoice' }),
  // The old site's address: Ghost writes __GHOST_URL__ in its exports; WordPress has its own in the file.
  baseUrl: z
    .string()
    .trim()
    .max(300, 'errors.tooLong')
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || parseTargetUrl(value) !== null, 'errors.invalid'),
  allowPrivate: checkbox,
});
export type UploadQuery = z.infer<typeof uploadQuerySchema>;

/** A file name as sent in X-File-Name: plain, short, with the export's extension. */
export const fileNameSchema = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .max(200, 'errors.tooLong')
  .regex(/\.(xml|json)$/i, 'imports.errors.badName');

export const importIdSchema = z.object({ id: z.uuid({ error: 'errors.notFound' }) });

/** The start of a planned run: staffAccounts also makes staff accounts of the authors with an e-mail (lib/imports/staff.ts). */
export const startImportSchema = importIdSchema.extend({ staffAccounts: checkbox });
