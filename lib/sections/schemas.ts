import { z } from 'zod';
import { isSlug } from '@/lib/slug';

// The forms of the sections and tags pages. Messages are catalogue keys under "errors".

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 300;

// C0 controls and DEL, and every bidi control (marks, embeddings, overrides,
// isolates): a name is one line of plain text, and a hidden override can make
// it read differently than it is stored.
const CONTROL = /[\u0000-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const DESCRIPTION_CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export const nameField = z
  .string()
  .max(NAME_MAX * 4, 'errors.tooLong')
  .transform((value) => value.trim())
  .pipe(z.string().min(1, 'errors.required').max(NAME_MAX, 'errors.tooLong').refine((value) => !CONTROL.test(value), 'errors.controlChars'));

export const descriptionField = z
  .string()
  .max(DESCRIPTION_MAX * 4, 'errors.tooLong')
  .transform((value) => value.trim())
  .pipe(z.string().max(DESCRIPTION_MAX, 'errors.tooLong').refine((value) => !DESCRIPTION_CONTROL.test(value), 'errors.controlChars'));

/** A slug typed by the admin; empty means "derive it from the name". */
export const slugField = z
  .string()
  .trim()
  .max(400, 'errors.tooLong')
  .refine((value) => value === '' || isSlug(value), 'errors.slugInvalid')
  .default('');

export const id = z.uuid({ error: 'errors.notFound' });

const checkbox = z.enum(['on']).optional().transform((value) => value === 'on');

export const createSectionSchema = z.object({ name: nameField, slug: slugField, description: descriptionField.default('') });
export type CreateSectionInput = z.infer<typeof createSectionSchema>;

export const updateSectionSchema = z.object({ id, name: nameField, slug: slugField, description: descriptionField.default(''), hidden: checkbox });
export type UpdateSectionInput = z.infer<typeof updateSectionSchema>;

export const moveSectionSchema = z.object({ id, direction: z.enum(['up', 'down'], { error: 'errors.invalidChoice' }) });

/** Archive: its page then answers 308 to the chosen section, or 410 when none is chosen. */
export const archiveSectionSchema = z.object({ id, redirectTo: z.union([z.literal(''), z.uuid({ error: 'errors.invalidChoice' })]).default('') });

export const mergeSectionSchema = z.object({ id, into: z.uuid({ error: 'errors.invalidChoice' }) });

export const sectionIdSchema = z.object({ id });
