'use server';

import { expiringTags, formAction } from '@/lib/actions';
import { archiveSectionSchema, createSectionSchema, mergeSectionSchema, moveSectionSchema, sectionIdSchema, updateSectionSchema } from '@/lib/sections/schemas';
import { archiveSection, createSection, deleteSection, mergeSection, moveSection, restoreSection, updateSection } from '@/lib/sections/sections';

// Each action: the DAL checks that the session's user manages sections, saves
// with its audit entry, and answers the reader cache tags it touched (the
// navigation, the section's pages under every slug it had, cards naming it),
// which are expired at once.

export const createSectionAction = formAction(createSectionSchema, async (input, { user, ip }) => expiringTags(await createSection(user, input, { ip })));
export const updateSectionAction = formAction(updateSectionSchema, async (input, { user, ip }) => expiringTags(await updateSection(user, input, { ip })));
export const moveSectionAction = formAction(moveSectionSchema, async (input, { user, ip }) => expiringTags(await moveSection(user, input, { ip })));
export const archiveSectionAction = formAction(archiveSectionSchema, async (input, { user, ip }) => expiringTags(await archiveSection(user, input, { ip })));
export const restoreSectionAction = formAction(sectionIdSchema, async (input, { user, ip }) => expiringTags(await restoreSection(user, input, { ip })));
export const mergeSectionAction = formAction(mergeSectionSchema, async (input, { user, ip }) => expiringTags(await mergeSection(user, input, { ip })));
export const deleteSectionAction = formAction(sectionIdSchema, async (input, { user, ip }) => expiringTags(await deleteSection(user, input, { ip })));
