import { z } from 'zod';
import { id, nameField } from '@/lib/sections/schemas';

// The desks page's forms. Messages are catalogue keys under "errors". The
// section and editor lists are checkboxes: the action reads every value of
// those fields (formAction's `lists`).

const ids = (max: number) => z.array(z.uuid({ error: 'errors.invalidChoice' })).max(max, 'errors.invalidChoice');

export const deskSchema = z.object({
  name: nameField,
  // A desk owns at least one section; a desk with none would be a queue nobody fills.
  sectionIds: ids(500).min(1, 'errors.desks.noSection'),
  editorIds: ids(2000).default([]),
});
export type DeskInput = z.infer<typeof deskSchema>;

export const updateDeskSchema = deskSchema.extend({ id });
export type UpdateDeskInput = z.infer<typeof updateDeskSchema>;

export const deskIdSchema = z.object({ id });

/** The fields read with FormData.getAll. */
export const DESK_LISTS = ['sectionIds', 'editorIds'] as const;
