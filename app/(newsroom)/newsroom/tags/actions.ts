'use server';

import { expiringTags, formAction } from '@/lib/actions';
import { mergeTagSchema, tagIdSchema, updateTagSchema } from '@/lib/tags/schemas';
import { deleteTag, mergeTags, updateTag } from '@/lib/tags/tags';

// The DAL checks that the session's user manages tags and answers the reader
// cache tags it touched (the tag pages under every slug, the pages of the
// stories that show the tag, listings), which are expired at once.

export const updateTagAction = formAction(updateTagSchema, async (input, { user, ip }) => expiringTags(await updateTag(user, input, { ip })));
export const mergeTagAction = formAction(mergeTagSchema, async (input, { user, ip }) => expiringTags(await mergeTags(user, input, { ip })));
export const deleteTagAction = formAction(tagIdSchema, async (input, { user, ip }) => expiringTags(await deleteTag(user, input, { ip })));
