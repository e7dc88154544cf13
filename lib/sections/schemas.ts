import { z } from 'zod';
import { isSlug } from '@/lib/slug';
import { CONTROL_CHARS_ERROR, hasControlChars } from '@/lib/text/control-chars';

// The forms of the sections and tags pages. Messages are catalogue keys under "errors".

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 300;

// A name is one line of plain text (lib/text/control-chars.ts, 'label'): a
// hidden override or mark can make it read differently than it is stored.

export const nameField = z
  .string()
  .max(NAME_MAX * 4, 'errors.tooLong')
  .transform((value) => value.trim())
  .pipe(z.string().min(1, 'errors.required').max(NAME_MAX, 'errors.tooLong').refine((value) => !hasControlChars(value, 'label'), CONTROL_CHARS_ERROR));

export const descriptionField = z
  .string()
  .max(DESCRIPTION_MAX * 4, 'errors.tooLong')
  .transform((value) => value.trim())
  .pipe(z.string().max(DESCRIPTION_MAX, 'errors.tooLong').refine((value) => !hasControlChars(value), CONTROL_CHARS_ERROR));

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
