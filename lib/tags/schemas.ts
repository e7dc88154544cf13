import { z } from 'zod';
import { descriptionField, id, nameField, slugField } from '@/lib/sections/schemas';

// The tags page's forms. Messages are catalogue keys under "errors".

export const tagFilterSchema = z.object({ q: z.string().trim().max(200).optional().catch(undefined) });

export const updateTagSchema = z.object({ id, name: nameField, slug: slugField, description: descriptionField.default('') });
export type UpdateTagInput = z.infer<typeof updateTagSchema>;

/** The tag to keep, by its name or slug as the editor types it. */
export const mergeTagSchema = z.object({ id, into: nameField });

export const tagIdSchema = z.object({ id });
